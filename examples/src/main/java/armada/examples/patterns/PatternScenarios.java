package armada.examples.patterns;

import armada.examples.spinlock.CounterOp.Get;
import armada.examples.spinlock.CounterOp.Increment;
import armada.examples.spinlock.CounterSpec;
import armada.examples.tso.LockOp;
import armada.examples.tso.LockSpec;
import armada.explore.Scenario;
import armada.explore.ScenarioSource;
import armada.layers.Abstraction;
import armada.layers.Layers;
import armada.layers.Mover;
import armada.layers.MoverCheck;
import armada.layers.MoverClaim;
import armada.layers.Partition;
import armada.layers.PidOp;
import armada.layers.Protocol;
import armada.layers.RetryLoop;
import armada.spec.Spec;
import armada.world.LowerLayer;
import armada.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * CSPEC's four proof patterns (section 6), each used correctly (HOLDS) and misused (VIOLATED with
 * the pattern's failure kind). The code above is the counter on a lock ({@link LockCounter}) or
 * the lock on test-and-set ({@link RetryLock}).
 */
public final class PatternScenarios implements ScenarioSource {

    static final RawLockSpec RAW = new RawLockSpec();
    /** The Lock layer's discipline over the raw lock: a call names its caller; only the owner releases, reads and writes. */
    static final Protocol<LockSpec.State> LOCK_PROTOCOL = Protocol.of(RAW,
            "a call names its caller, and only the lock's owner releases, reads and writes",
            (s, pid, op) -> op instanceof LockOp<?> o && o.pid() == pid
                    && (o instanceof LockOp.Acquire || s.owner() == pid));
    static final BufferedLockSpec BUFFERED = new BufferedLockSpec();
    static final LockOwnerSpec OWNER = new LockOwnerSpec();
    /** The lock-owner layer with its error state dismissed: a call that would enter it is a violation. */
    static final Protocol<LockOwnerSpec.State> OWNER_PROTOCOL = Protocol.avoiding(OWNER, "the error state",
            LockOwnerSpec.State::error);
    static final LocksSpec LOCKS = new LocksSpec(false);
    static final LocksSpec LOCKS_SHARED = new LocksSpec(true);
    static final TasSpec TAS = new TasSpec(false);
    static final TasSpec TAS_COUNTING = new TasSpec(true);
    static final LockSpec LOCK = new LockSpec();

    @Override
    public List<Scenario<?, ?>> scenarios() {
        return List.of(
                counter("protocol-counter", null, w -> LockCounter.on(Layers.open(w, LOCK_PROTOCOL)))
                        .moverClaims(protocolClaims())
                        .description("protocol: the counter on the raw lock follows the Lock layer's discipline;"
                                + " with it, Read and Write are both movers (no state condition needed)")
                        .build(),
                counter("protocol-peek", "protocol-violation", w -> LockCounter.peeking(Layers.open(w, LOCK_PROTOCOL)))
                        .description("broken: Get reads the count without taking the lock, against the protocol")
                        .build(),
                counter("abstraction-buffered", null, w -> LockCounter.on(Layers.open(w, OWNER_PROTOCOL)))
                        .layerCheck(abstraction(PatternScenarios::flushed))
                        .description("abstraction: the buffered lock abstracts to the lock-owner layer (its error"
                                + " state dismissed by a protocol), on which the counter is checked")
                        .build(),
                counter("abstraction-forgets-buffer", "abstraction-broken",
                        w -> LockCounter.on(Layers.open(w, OWNER_PROTOCOL)))
                        .layerCheck(abstraction(PatternScenarios::memoryOnly))
                        .description("broken: an abstraction that takes the count from memory, forgetting the"
                                + " owner's buffered write")
                        .build(),
                counter("error-state-reached", "protocol-violation",
                        w -> LockCounter.peeking(Layers.open(w, OWNER_PROTOCOL)))
                        .description("broken: Get reads without the lock, which enters the lock-owner layer's"
                                + " error state")
                        .build(),
                counter("counter-on-buffered", null, w -> LockCounter.on(Layers.open(w, BUFFERED)))
                        .description("the counter directly on the buffered lock: what abstraction-buffered gives"
                                + " by composition, checked flat")
                        .build(),
                partitioned("partition-one-lock", null, LOCKS, "partition: the counter on lock 0 of two"
                        + " independent locks; calls on different locks commute, the mover claims are checked on"
                        + " lock 0's calls alone"),
                partitioned("partition-shared-count", "partition-broken", LOCKS_SHARED,
                        "broken: the two locks guard one count word, so calls on different locks interfere"),
                retry("retry-lock", null, TAS, true,
                        "retry loop: Acquire is TryAcquire until true, checked as its one successful call"),
                retry("retry-counts-misses", "retry-changes-state", TAS_COUNTING, false,
                        "broken: a failed TryAcquire counts the miss in the layer, so failed attempts are not"
                                + " invisible"));
    }

    private static Scenario.Builder<Integer, LockCounter> counter(String name, @Nullable String failure,
            Function<World, LockCounter> boot) {
        return Scenario.<Integer, LockCounter>builder("patterns/" + name, new CounterSpec())
                .expectFailure(failure)
                .boot(boot)
                .driver(LockCounter::apply)
                .thread(new Increment())
                .thread(new Increment())
                .after(new Get());
    }

    /** The calls of a lock layer the counter makes: cores 0 (the get) to 2, values up to 2. */
    static List<PidOp> lockDomain() {
        List<PidOp> d = new ArrayList<>();
        for (int p = 0; p <= 2; p++) {
            d.add(new PidOp(p, new LockOp.Acquire(p)));
            d.add(new PidOp(p, new LockOp.Release(p)));
            d.add(new PidOp(p, new LockOp.Read(p)));
            for (int v = 1; v <= 2; v++) {
                d.add(new PidOp(p, new LockOp.Write(p, v)));
            }
        }
        return d;
    }

    /** CSPEC's claims for the counter, on the protocol: Read and Write are both movers everywhere it allows them. */
    static MoverCheck<LockSpec.State> protocolClaims() {
        return MoverCheck.of(LOCK_PROTOCOL, lockDomain())
                .claim(MoverClaim.of(LockOp.Acquire.class, Mover.RIGHT))
                .claim(MoverClaim.of(LockOp.Release.class, Mover.LEFT))
                .claim(MoverClaim.of(LockOp.Read.class, Mover.BOTH))
                .claim(MoverClaim.of(LockOp.Write.class, Mover.BOTH));
    }

    /** The count is the owner's buffered write if there is one, else memory. */
    static LockOwnerSpec.State flushed(BufferedLockSpec.State s) {
        return new LockOwnerSpec.State(s.owner(), s.buffered() == BufferedLockSpec.EMPTY ? s.mem() : s.buffered(),
                false);
    }

    /** Broken: the count is memory's, whatever the owner has buffered. */
    static LockOwnerSpec.State memoryOnly(BufferedLockSpec.State s) {
        return new LockOwnerSpec.State(s.owner(), s.mem(), false);
    }

    static Abstraction<BufferedLockSpec.State, LockOwnerSpec.State> abstraction(
            Function<BufferedLockSpec.State, LockOwnerSpec.State> abs) {
        return Abstraction.of(BUFFERED, OWNER, lockDomain(), abs)
                .invariant("nothing is buffered while the lock is free",
                        s -> s.owner() != LockSpec.FREE || s.buffered() == BufferedLockSpec.EMPTY)
                .errorState(LockOwnerSpec.State::error);
    }

    /** Each core's calls on both locks. */
    static List<PidOp> locksDomain() {
        List<PidOp> d = new ArrayList<>();
        for (int k = 0; k <= 1; k++) {
            for (PidOp c : lockDomain()) {
                d.add(new PidOp(c.pid(), new LocksSpec.OnLock<>(k, (LockOp<?>) c.op())));
            }
        }
        return d;
    }

    static Partition<LocksSpec.State, Integer> partition(LocksSpec spec) {
        return Partition.of(spec, locksDomain(), "lock", op -> ((LocksSpec.OnLock<?>) op).lock());
    }

    private static Scenario<?, ?> partitioned(String name, @Nullable String failure, LocksSpec spec, String text) {
        Partition<LocksSpec.State, Integer> p = partition(spec);
        MoverCheck<LocksSpec.State> claims = MoverCheck.of(spec, p.shard(0))
                .claim(new MoverClaim<LocksSpec.State>("Acquire is a right mover", Mover.RIGHT,
                        c -> ((LocksSpec.OnLock<?>) c.op()).op() instanceof LockOp.Acquire, (s, c) -> true))
                .claim(new MoverClaim<LocksSpec.State>("Release is a left mover", Mover.LEFT,
                        c -> ((LocksSpec.OnLock<?>) c.op()).op() instanceof LockOp.Release, (s, c) -> true))
                .claim(new MoverClaim<LocksSpec.State>("Read and Write are both movers when the caller holds lock 0",
                        Mover.BOTH, c -> !(((LocksSpec.OnLock<?>) c.op()).op() instanceof LockOp.Acquire
                                || ((LocksSpec.OnLock<?>) c.op()).op() instanceof LockOp.Release),
                        (s, c) -> s.locks().get(0).owner() == c.pid()));
        return counter(name, failure, w -> LockCounter.on(new OneLock(Layers.open(w, spec), 0)))
                .layerCheck(p)
                .moverClaims(claims)
                .description(text)
                .build();
    }

    /** Each core's calls of the test-and-set layer. */
    static List<PidOp> tasDomain() {
        List<PidOp> d = new ArrayList<>();
        for (int p = 0; p <= 2; p++) {
            d.add(new PidOp(p, new TasSpec.TryAcquire(p)));
            d.add(new PidOp(p, new TasSpec.Clear(p)));
            d.add(new PidOp(p, new TasSpec.Load(p)));
            d.add(new PidOp(p, new TasSpec.Store(p, p)));
        }
        return d;
    }

    static RetryLoop<TasSpec.State> retryLoop(TasSpec spec) {
        return RetryLoop.of(spec, tasDomain(), "TryAcquire until true", c -> c.op() instanceof TasSpec.TryAcquire,
                Boolean.TRUE::equals);
    }

    static Scenario.Builder<LockSpec.State, RetryLock> lockOn(String name, Spec<TasSpec.State> tas,
            Function<LowerLayer<TasSpec.State>, RetryLock> impl) {
        return Scenario.<LockSpec.State, RetryLock>builder("patterns/" + name, LOCK)
                .boot(w -> impl.apply(Layers.open(w, tas)))
                .driver(RetryLock::apply)
                .thread(new LockOp.Acquire(1), new LockOp.Read(1), new LockOp.Write(1, 1), new LockOp.Release(1))
                .thread(new LockOp.Acquire(2), new LockOp.Read(2), new LockOp.Write(2, 2), new LockOp.Release(2))
                .after(new LockOp.Acquire(0), new LockOp.Read(0), new LockOp.Release(0));
    }

    private static Scenario<?, ?> retry(String name, @Nullable String failure, TasSpec tas, boolean staticCheck,
            String text) {
        Scenario.Builder<LockSpec.State, RetryLock> b = lockOn(name, tas, RetryLock::on).expectFailure(failure)
                .description(text);
        return (staticCheck ? b.layerCheck(retryLoop(tas)) : b).build();
    }
}
