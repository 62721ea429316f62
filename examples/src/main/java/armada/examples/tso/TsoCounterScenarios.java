package armada.examples.tso;

import armada.examples.spinlock.CounterOp.Get;
import armada.examples.spinlock.CounterOp.Increment;
import armada.examples.spinlock.CounterSpec;
import armada.explore.Scenario;
import armada.explore.ScenarioSource;
import armada.layers.LayerChain;
import armada.layers.Layers;
import armada.layers.Mover;
import armada.layers.MoverCheck;
import armada.layers.MoverClaim;
import armada.layers.PidOp;
import armada.world.LowerLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The x86-TSO counter (CSPEC section 8.2), checked flat (the counter on TSO memory) and as the
 * layer chain Counter &lt;- Lock &lt;- TSO: {@code lock-on-tso} checks the spin lock on TSO
 * against the Lock layer, {@code counter-on-lock} checks the counter on the Lock layer (run as
 * the World) against the counter; trace inclusion is transitive (CSPEC section 5.3), so the two
 * compose to the counter on TSO, within each check's bounds (the lock check's clients make the
 * calls the counter's two increments and get make).
 */
public final class TsoCounterScenarios implements ScenarioSource {

    /** The layer specs: one object each, so that one execution has one device per layer. */
    static final TsoSpec TSO = new TsoSpec();
    static final LockSpec LOCK = new LockSpec();

    /** The layer chain these scenarios check, top first: each link is a scenario. */
    public static final LayerChain CHAIN = new LayerChain("counter", List.of(
            new LayerChain.Link("tso-counter/counter-on-lock", "counter", "lock"),
            new LayerChain.Link("tso-counter/lock-on-tso", "lock", "tso")));

    @Override
    public List<LayerChain> chains() {
        return List.of(CHAIN);
    }

    @Override
    public List<Scenario<?, ?>> scenarios() {
        return List.of(
                flat("counter", TsoCounter::on, null,
                        "two cores increment under a test-and-set spin lock released by a plain store; a get after"),
                flat("plain-load-store", PlainLoadStoreLock::on, "not-refinement",
                        "broken: the lock is taken by a plain load then a plain store; both cores get in"),
                flat("peterson-no-barrier", PetersonNoBarrier::on, "not-refinement",
                        "broken: Peterson's lock without the barrier; store buffering lets both cores in"),
                lockOnTso(),
                counterOnLock("counter-on-lock", null, lockClaims(),
                        "layer 2 of 2: the counter on the Lock layer run as the World (mover claims checked);"
                                + " composes with tso-counter/lock-on-tso"),
                counterOnLock3(),
                splitCriticalSections(),
                counterOnLock("false-mover-claim", "false-mover", falseClaim(),
                        "broken: claims the Lock layer's Release is a right mover; another core's Acquire after"
                                + " it cannot be moved before it"));
    }

    private static Scenario<?, ?> flat(String name, Function<LowerLayer<TsoState>, TsoCounter> impl,
            @Nullable String failure, String description) {
        return Scenario.<Integer, TsoCounter>builder("tso-counter/" + name, new CounterSpec())
                .description(description)
                .expectFailure(failure)
                .boot(w -> impl.apply(Layers.open(w, TSO)))
                .driver(TsoCounter::apply)
                .thread(new Increment())
                .thread(new Increment())
                .after(new Get())
                .build();
    }

    /** Layer 1 of 2: the Lock layer on TSO, with the calls the counter above makes. */
    private static Scenario<?, ?> lockOnTso() {
        return Scenario.<LockSpec.State, TsoLock>builder("tso-counter/lock-on-tso", LOCK)
                .description("layer 1 of 2: the spin lock on TSO against the Lock layer; composes with"
                        + " tso-counter/counter-on-lock")
                .boot(w -> TsoLock.on(Layers.open(w, TSO)))
                .driver(TsoLock::apply)
                .thread(new LockOp.Acquire(1), new LockOp.Read(1), new LockOp.Write(1, 1), new LockOp.Release(1))
                .thread(new LockOp.Acquire(2), new LockOp.Read(2), new LockOp.Write(2, 2), new LockOp.Release(2))
                .after(new LockOp.Acquire(0), new LockOp.Read(0), new LockOp.Release(0))
                .build();
    }

    private static Scenario<?, ?> counterOnLock(String name, @Nullable String failure,
            MoverCheck<LockSpec.State> claims, String description) {
        return Scenario.<Integer, LockedCounter>builder("tso-counter/" + name, new CounterSpec())
                .description(description)
                .expectFailure(failure)
                .boot(w -> LockedCounter.on(Layers.open(w, LOCK)))
                .driver(LockedCounter::apply)
                .thread(new Increment())
                .thread(new Increment())
                .after(new Get())
                .moverClaims(claims)
                .build();
    }

    /**
     * Three cores increment the counter on the Lock layer: each increment is four calls, which the
     * checked movers glue into one step (the search shrinks most here; see docs/PERFORMANCE.md).
     */
    private static Scenario<?, ?> counterOnLock3() {
        return Scenario.<Integer, LockedCounter>builder("tso-counter/counter-on-lock-3", new CounterSpec())
                .description("three cores increment on the Lock layer, each increment four calls glued into one"
                        + " step by the checked mover claims")
                .boot(w -> LockedCounter.on(Layers.open(w, LOCK)))
                .driver(LockedCounter::apply)
                .thread(new Increment())
                .thread(new Increment())
                .thread(new Increment())
                .after(new Get())
                .moverClaims(lockClaims(3))
                .build();
    }

    /** Broken: the read and the write in two critical sections, with the same (true) mover claims. */
    private static Scenario<?, ?> splitCriticalSections() {
        return Scenario.<Integer, SplitLockedCounter>builder("tso-counter/split-critical-sections", new CounterSpec())
                .description("broken: the counter on the Lock layer reads and writes in two critical sections; both"
                        + " cores read 0 (the mover reduction glues each section, and the other core runs between)")
                .expectFailure("not-refinement")
                .boot(w -> SplitLockedCounter.on(Layers.open(w, LOCK)))
                .driver(SplitLockedCounter::apply)
                .thread(new Increment())
                .thread(new Increment())
                .after(new Get())
                .moverClaims(lockClaims())
                .build();
    }

    /** The calls of the Lock layer the counter makes: cores 0 (the get) to 2, counts up to 2. */
    static List<PidOp> lockDomain() {
        return lockDomain(2);
    }

    /** The calls of the Lock layer {@code cores} incrementing cores and a get make: counts up to {@code cores}. */
    static List<PidOp> lockDomain(int cores) {
        List<PidOp> d = new ArrayList<>();
        for (int p = 0; p <= cores; p++) {
            d.add(new PidOp(p, new LockOp.Acquire(p)));
            d.add(new PidOp(p, new LockOp.Release(p)));
            d.add(new PidOp(p, new LockOp.Read(p)));
            for (int v = 1; v <= cores; v++) {
                d.add(new PidOp(p, new LockOp.Write(p, v)));
            }
        }
        return d;
    }

    /**
     * CSPEC's claims for LockedCounter (Fig. 12): Acquire a right mover, Release a left mover, and
     * Read and Write both movers where their caller holds the lock (the protocol makes them
     * undefined elsewhere, so no other core's access can come between).
     */
    static MoverCheck<LockSpec.State> lockClaims() {
        return lockClaims(2);
    }

    /** CSPEC's claims for LockedCounter over the calls {@code cores} cores and a get make. */
    static MoverCheck<LockSpec.State> lockClaims(int cores) {
        return MoverCheck.of(LOCK, lockDomain(cores))
                .claim(MoverClaim.of(LockOp.Acquire.class, Mover.RIGHT))
                .claim(MoverClaim.of(LockOp.Release.class, Mover.LEFT))
                .claim(MoverClaim.<LockSpec.State>of(LockOp.Read.class, Mover.BOTH)
                        .when("its caller holds the lock", (s, c) -> s.owner() == c.pid()))
                .claim(MoverClaim.<LockSpec.State>of(LockOp.Write.class, Mover.BOTH)
                        .when("its caller holds the lock", (s, c) -> s.owner() == c.pid()));
    }

    /**
     * Broken: claims Release is a right mover (it is a left mover). From a state where one core
     * holds the lock (p0 in the trace), its Release then another core's Acquire is an execution;
     * moved later, the Release would come after that Acquire, which is disabled while p0 holds the
     * lock: the checker reports both operations, that state, and that the swapped order gives
     * nothing.
     */
    static MoverCheck<LockSpec.State> falseClaim() {
        return MoverCheck.of(LOCK, lockDomain())
                .claim(MoverClaim.of(LockOp.Acquire.class, Mover.RIGHT))
                .claim(MoverClaim.of(LockOp.Release.class, Mover.RIGHT));
    }
}
