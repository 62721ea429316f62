package armada.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import armada.check.Failure;
import armada.check.Verdict;
import armada.explore.RegisterSpec.Read;
import armada.explore.RegisterSpec.Write;
import armada.explore.Registers.Locked;
import armada.explore.Registers.Register;
import armada.sim.Choice;
import armada.world.Durability;
import armada.spec.Op;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.world.AtomicCell;
import armada.world.Block;
import armada.world.Cell;
import armada.world.Disk;
import armada.world.Lock;
import armada.world.World;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One scenario per hole an outside corpus found in the checker: each failed before the fix (a
 * wrong verdict, or a crash of the checker) and is right now. The shipped examples
 * ({@code applog}, {@code spinlock}) carry the same holes as correct code and broken variants.
 */
class SoundnessRegressionTest {

    private static final ExploreOptions OPTIONS = ExploreOptions.DEFAULTS.withSeconds(120);
    private static final FaultModel IMMEDIATE = FaultModel.crashes(1).withDurability(Durability.IMMEDIATE);

    private static Failure failureOf(Verdict v) {
        assertThat(v).isInstanceOf(Verdict.Violated.class);
        return ((Verdict.Violated) v).counterexample().failure();
    }

    // ---------------------------------------------------------------- 1: threads spawned by recovery

    /** The register lives in a cell; recovery reloads it from disk, in a background thread. */
    static class Cached implements Register {
        final World world;
        final Disk disk;
        final Lock lock;
        final Cell<Integer> value;

        Cached(World w, boolean loadNow) {
            world = w;
            disk = w.disk(0);
            lock = w.newLock();
            value = w.newCell(0);
            if (loadNow) {
                load();
            }
        }

        final void load() {
            lock.lock();
            value.set(Registers.value(disk.read(0).orElseThrow()));
            lock.unlock();
        }

        @Override
        public void write(int v) {
            lock.lock();
            disk.write(0, Block.filled(v));
            value.set(v);
            lock.unlock();
        }

        @Override
        public int read() {
            lock.lock();
            int v = value.get();
            lock.unlock();
            return v;
        }
    }

    private static Scenario<Integer, Cached> cached(String name, java.util.function.Function<World, Cached> recover) {
        return Scenario.<Integer, Cached>builder("test/" + name, new RegisterSpec())
                .disks(1, 1)
                .boot(w -> new Cached(w, true))
                .recover(recover)
                .driver(Registers::apply)
                .thread(new Write(1))
                .after(new Read())
                .faults(IMMEDIATE)
                .build();
    }

    @Test
    void recoveryThatReloadsInABackgroundThread_readAfterRecoveryMaySeeTheOldValue() {
        // Regression (hole 1): recovery is complete when its body returns; the thread it spawned
        // runs on, interleaved with the read after recovery, which can come first and see 0. This
        // got HOLDS when every thread recovery spawned ran to its end before recovery counted as done.
        Scenario<Integer, Cached> s = cached("background-reload", w -> {
            Cached c = new Cached(w, false);
            w.spawn(c::load);
            return c;
        });
        assertThat(failureOf(Explorer.check(s, OPTIONS))).isInstanceOf(Failure.NotRefinement.class);
    }

    @Test
    void recoveryThatJoinsItsBackgroundThread_holds() {
        // The same recovery, joining the loader before it returns: correct.
        Scenario<Integer, Cached> s = cached("joined-reload", w -> {
            Cached c = new Cached(w, false);
            w.spawn(c::load).join();
            return c;
        });
        assertThat(Explorer.check(s, OPTIONS)).isInstanceOf(Verdict.Holds.class);
    }

    // ---------------------------------------------------------------- 2: code that catches Throwable

    @Test
    void bestEffortRecoveryThatCatchesThrowable_stillCrashes() {
        // Regression (hole 2): recovery swallows everything, the simulator's crash signal too.
        // A crash must happen all the same: the crash is recorded, recovery runs again, and this
        // correct code HOLDS (it got VIOLATED when the swallowed crash went unrecorded).
        Scenario<Integer, Cached> s = Scenario.<Integer, Cached>builder("test/catch-throwable", new RegisterSpec())
                .disks(1, 1)
                .boot(w -> new Cached(w, true))
                .recover(w -> {
                    Cached c = new Cached(w, false);
                    try {
                        c.load();
                    } catch (Throwable t) {
                        // best effort: a real recovery might log and go on
                    }
                    return c;
                })
                .driver(Registers::apply)
                .thread(new Write(1))
                .after(new Read())
                .faults(FaultModel.crashes(2).withDurability(Durability.IMMEDIATE))
                .build();
        Verdict v = Explorer.check(s, OPTIONS);
        assertThat(v).isInstanceOf(Verdict.Holds.class);
        assertThat(v.stats().crashes()).isPositive();
    }

    // ---------------------------------------------------------------- 3: spin loops

    /** A register behind a test-and-set spin lock on an atomic cell. */
    static final class SpinLocked implements Register {
        final AtomicCell<Boolean> held;
        final Cell<Integer> value;
        final boolean release;

        SpinLocked(World w, boolean release) {
            held = w.newAtomicCell(false);
            value = w.newCell(0);
            this.release = release;
        }

        private void lock() {
            while (!held.compareAndSet(false, true)) {
                // spin
            }
        }

        private void unlock() {
            if (release) {
                held.set(false);
            }
        }

        @Override
        public void write(int v) {
            lock();
            value.set(value.get() + v);
            unlock();
        }

        @Override
        public int read() {
            lock();
            int v = value.get();
            unlock();
            return v;
        }
    }

    /** The register spec with Write meaning "add". */
    static final class CounterSpec implements Spec<Integer> {
        @Override
        public String name() {
            return "counter";
        }

        @Override
        public Integer initial() {
            return 0;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> Outcomes<R, Integer> step(Integer state, Op<R> op) {
            return (Outcomes<R, Integer>) switch ((RegisterSpec.RegOp<?>) op) {
                case Write w -> Outcomes.one(armada.spec.Unit.UNIT, state + w.value());
                case Read r -> Outcomes.one(state, state);
            };
        }

        @Override
        public Set<Integer> crash(Integer state) {
            return Set.of(state);
        }
    }

    private static Scenario<Integer, SpinLocked> spin(String name, boolean release) {
        return Scenario.<Integer, SpinLocked>builder("test/" + name, new CounterSpec())
                .boot(w -> new SpinLocked(w, release))
                .driver(Registers::apply)
                .thread(new Write(1))
                .thread(new Write(2))
                .after(new Read())
                .build();
    }

    @Test
    void counterUnderACorrectSpinLock_holds() {
        // Regression (hole 3): the search let the spinning thread spin until the step bound while
        // the holder never ran: VIOLATED for correct code. A thread that re-reads what nobody
        // changed now waits until someone changes it.
        Verdict v = Explorer.check(spin("spin-lock", true), OPTIONS);
        assertThat(v).isInstanceOf(Verdict.Holds.class);
    }

    @Test
    void spinLockNeverReleased_livelockNamingTheSpinnerAndTheCell() {
        // The first writer keeps the lock; the other spins forever on a cell nobody will change.
        Failure f = failureOf(Explorer.check(spin("spin-forever", false), OPTIONS));
        assertThat(f).isInstanceOf(Failure.Livelock.class);
        assertThat(f.message()).contains("spins", "atomic#0");
    }

    // ---------------------------------------------------------------- C: the random domain

    /** Writes a random value below {@code bound} and reads it back: correct for any value. */
    static final class RandomWriter extends Locked {
        final World world;
        final int bound;

        RandomWriter(World w, int bound) {
            super(w);
            world = w;
            this.bound = bound;
        }

        @Override
        public void write(int v) {
            super.write(world.random(bound) == 4 ? 9 : v);
        }
    }

    @Test
    void randomBoundAboveTheDomain_inconclusiveNamingTheCall() {
        // Regression (soundness C): random(5) explored with a domain of 2 never tries 4, the value
        // that breaks the write; this got HOLDS. Now the cut is named and the verdict is INCONCLUSIVE.
        Scenario<Integer, RandomWriter> s = Registers.<RandomWriter>scenario("random-cut", w -> new RandomWriter(w, 5))
                .thread(new Write(1))
                .after(new Read())
                .randomDomain(2)
                .build();
        Verdict v = Explorer.check(s, OPTIONS);
        assertThat(v).isInstanceOf(Verdict.Inconclusive.class);
        assertThat(((Verdict.Inconclusive) v).reason()).contains("random(5)", "RandomWriter.write",
                "explored only 2 of its 5 values");
        // With every value explored, the bug is found.
        assertThat(failureOf(Explorer.check(s.withRandomDomain(5), OPTIONS))).isInstanceOf(Failure.NotRefinement.class);
    }

    /** Takes a fresh name from {@code random(1000)} for each write, giving up after two tries. */
    static final class Namer extends Locked {
        final World world;
        final java.util.Set<Integer> used = new java.util.HashSet<>();

        Namer(World w) {
            super(w);
            world = w;
        }

        @Override
        public void write(int v) {
            for (int attempt = 0; attempt < 2; attempt++) {
                if (used.add(world.random(1000))) {
                    super.write(v);
                    return;
                }
            }
            throw new IllegalStateException("no free name");
        }
    }

    @Test
    void retryLoopThatRunsOutOfNamesOnlyBecauseOfTheDomain_notTheCodesFailure() {
        // Three names from random(1000) collide only because the search explores 2 values: the
        // third write must repeat one, twice. That is the checker's cut, not the user's bug.
        Scenario<Integer, Namer> s = Registers.scenario("names", Namer::new)
                .thread(new Write(1), new Write(2), new Write(3))
                .randomDomain(2)
                .build();
        Verdict v = Explorer.check(s, OPTIONS);
        assertThat(v).isInstanceOf(Verdict.Inconclusive.class);
        assertThat(((Verdict.Inconclusive) v).reason()).contains("failing executions were left out");
    }

    // ---------------------------------------------------------------- D: crash invariants

    /** Writes block 0, then block 1 that points at it, with no barrier in between. */
    static final class Pointer extends Locked {
        Pointer(World w) {
            super(w);
        }

        @Override
        public void write(int v) {
            lock.lock();
            disk.write(0, Block.filled(v));
            disk.write(1, Block.filled(v));
            disk.barrier();
            lock.unlock();
        }
    }

    @Test
    void invariantBrokenOnlyInAStateACrashCouldLeave_found() {
        // Regression (soundness D): the invariant "block 1 set implies block 0 set" holds in the
        // current image and in the synced one at every point, but a crash after both writes may
        // keep block 1 without block 0 under REORDERED. It was never evaluated there: HOLDS.
        Scenario<Integer, Pointer> s = Registers.<Pointer>scenario("pointer", Pointer::new)
                .disks(1, 2)
                .thread(new Write(1))
                .faults(FaultModel.crashes(1).withoutTornWrites())
                .crashInvariant("pointer implies target",
                        d -> d.block(0, 1).byteAt(0) == 0 || d.block(0, 0).byteAt(0) != 0)
                .build();
        Failure f = failureOf(Explorer.check(s, OPTIONS));
        assertThat(f).isInstanceOf(Failure.CrashInvariantBroken.class);
        assertThat(f.message()).contains("pointer implies target", "crash state s");
        // Under ORDERED block 1 is queued after block 0: no crash state breaks it.
        assertThat(Explorer.check(s.withFaults(s.faults().withDurability(Durability.ORDERED)), OPTIONS))
                .isInstanceOf(Verdict.Holds.class);
    }

    // ---------------------------------------------------------------- F: the shrinker

    @Test
    void shrinkerSubject_distinguishesFailuresOfOneClass() {
        // Regression (soundness F): a shorter schedule failing with the same Java class but about
        // another operation is another bug; the subject tells them apart.
        List<armada.check.Event> history = List.of(
                new armada.check.Event.Invoke(0, 0, new Read()), new armada.check.Event.Return(0, 0, 1),
                new armada.check.Event.Invoke(1, 1, new Write(2)), new armada.check.Event.Return(1, 1, 7));
        String first = Shrinker.subject(new Failure.NotRefinement(1, "x"), history);
        String second = Shrinker.subject(new Failure.NotRefinement(3, "x"), history);
        assertThat(first).isEqualTo("t0 Read[]");
        assertThat(second).isEqualTo("t1 Write[value=2]");
        assertThat(Shrinker.subject(new Failure.DataRace("cell#1", "a", "b"), history))
                .isNotEqualTo(Shrinker.subject(new Failure.DataRace("cell#2", "a", "b"), history));
    }

    @Test
    void shrinkerCost_crashStateChoicesAreNotThreadSwitches() {
        // "t0 then the third crash state then t0" switches no thread.
        long[] d = {Choice.thread(1, 0), Choice.crash(), Choice.survive(3), Choice.thread(1, 0)};
        assertThat(Shrinker.cost(d)).containsExactly(1, 0, 0, 4);
    }

    // ---------------------------------------------------------------- 6: API traps

    @Test
    void scenarioWithCrashesAndNoRecovery_rejectedWhenBuilt() {
        // Regression (hole 6): boot was silently reused as recovery.
        assertThatThrownBy(() -> Scenario.<Integer, Locked>builder("test/no-recovery", new RegisterSpec())
                .disks(1, 1).boot(Locked::new).driver(Registers::apply).faults(FaultModel.crashes(1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no recovery");
    }

    /** A spec state that compares by identity. */
    static final class IdentityState {
    }

    /** A record state whose array component compares by identity. */
    record ArrayState(int[] values) {
    }

    private static <S> Spec<S> specOf(S initial) {
        return new Spec<>() {
            @Override
            public String name() {
                return "identity";
            }

            @Override
            public S initial() {
                return initial;
            }

            @Override
            public <R> Outcomes<R, S> step(S state, Op<R> op) {
                return Outcomes.undefined();
            }

            @Override
            public Set<S> crash(S state) {
                return Set.of(state);
            }
        };
    }

    @Test
    void specStateWithoutValueEquality_rejectedWhenBuilt() {
        // Identity equality makes every state look new, and the checker's de-duplication meaningless.
        assertThatThrownBy(() -> Scenario.<IdentityState, Locked>builder("test/identity", specOf(new IdentityState()))
                .boot(Locked::new).driver(Registers::apply).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not override equals and hashCode");
        assertThatThrownBy(() -> Scenario.<ArrayState, Locked>builder("test/array-state", specOf(new ArrayState(new int[1])))
                .boot(Locked::new).driver(Registers::apply).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("array component values");
    }

    @Test
    void brokenVariantWithoutItsFailureKind_rejectedWhenBuilt() {
        // A broken variant that fails for another reason than the one it ships for is not caught.
        assertThatThrownBy(() -> Registers.scenario("no-kind", Locked::new).expect(Expectation.VIOLATED).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expectViolation");
        assertThatThrownBy(() -> Registers.scenario("bad-kind", Locked::new).expectViolation("wrong"))
                .hasMessageContaining("unknown failure kind 'wrong'");
    }

    @Test
    void badScenarioName_rejectedWithTheRule() {
        assertThatThrownBy(() -> Scenario.builder("MyScenario", new RegisterSpec()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower case letters, digits and dashes");
    }

    /** An operation returning an array. */
    record Bytes() implements Op<byte[]> {
    }

    @Test
    void operationReturningAnArray_matchesItsSpecByContent() {
        // Regression (hole 6): results were compared with Objects.equals, so a byte[] never matched.
        Spec<Integer> spec = new Spec<>() {
            @Override
            public String name() {
                return "bytes";
            }

            @Override
            public Integer initial() {
                return 0;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <R> Outcomes<R, Integer> step(Integer state, Op<R> op) {
                return Outcomes.one((R) new byte[] {1, 2}, state);
            }

            @Override
            public Set<Integer> crash(Integer state) {
                return Set.of(state);
            }
        };
        Scenario<Integer, Integer> s = Scenario.<Integer, Integer>builder("test/bytes", spec)
                .boot(w -> 0)
                .driver((impl, op) -> new byte[] {1, 2})
                .thread(new Bytes())
                .build();
        assertThat(Explorer.check(s, OPTIONS)).isInstanceOf(Verdict.Holds.class);
    }
}
