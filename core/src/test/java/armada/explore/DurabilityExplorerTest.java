package armada.explore;

import static org.assertj.core.api.Assertions.assertThat;

import armada.check.Failure;
import armada.check.Verdict;
import armada.explore.RegisterSpec.Read;
import armada.explore.RegisterSpec.Write;
import armada.explore.Registers.Locked;
import armada.world.Durability;
import armada.world.Block;
import armada.world.World;
import org.junit.jupiter.api.Test;

/** Deferred durability end to end: what a missing barrier costs under each model. */
class DurabilityExplorerTest {

    private static final ExploreOptions OPTIONS = ExploreOptions.DEFAULTS.withSeconds(60);

    /** Writes the block and a second block, with or without a barrier before returning. */
    static final class Register extends Locked {
        final boolean barrier;

        Register(World w, boolean barrier) {
            super(w);
            this.barrier = barrier;
        }

        @Override
        public void write(int v) {
            lock.lock();
            disk.write(0, Block.filled(v));
            if (barrier) {
                disk.barrier();
            }
            lock.unlock();
        }
    }

    private static Scenario<Integer, Register> scenario(boolean barrier, Durability d) {
        return Registers.<Register>scenario("durable-" + barrier, w -> new Register(w, barrier))
                .thread(new Write(1), new Write(2))
                .after(new Read())
                .faults(FaultModel.crashes(1).withDurability(d))
                .build();
    }

    @Test
    void writeWithoutBarrier_holdsOnlyUnderImmediate() {
        // Under IMMEDIATE a write is durable when it returns; under the deferred models a crash
        // may drop a write that already returned.
        assertThat(Explorer.check(scenario(false, Durability.IMMEDIATE), OPTIONS)).isInstanceOf(Verdict.Holds.class);
        for (Durability d : new Durability[] {Durability.ORDERED, Durability.REORDERED}) {
            Verdict v = Explorer.check(scenario(false, d), OPTIONS);
            assertThat(v).as(d.name()).isInstanceOf(Verdict.Violated.class);
            Verdict.Violated viol = (Verdict.Violated) v;
            assertThat(viol.counterexample().failure()).isInstanceOf(Failure.NotRefinement.class);
            assertThat(viol.counterexample().schedule()).contains(".s");
            assertThat(v.stats().maxCrashStates()).isGreaterThan(1);
        }
    }

    @Test
    void writeWithBarrier_holdsUnderEveryModel() {
        // The barrier makes the write durable before it returns.
        for (Durability d : Durability.values()) {
            Verdict v = Explorer.check(scenario(true, d), OPTIONS);
            assertThat(v).as(d.name()).isInstanceOf(Verdict.Holds.class);
            assertThat(v.bounds()).contains("durability=" + d.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void crashWithUnsyncedWrite_offersEachStateOnce() {
        // Two unsynced writes of one block (1 then 2) on top of 0: three distinct states.
        Verdict v = Explorer.check(scenario(false, Durability.ORDERED).withFaults(
                FaultModel.crashes(1).withDurability(Durability.ORDERED).withoutTornWrites()), OPTIONS.withShrink(false));
        assertThat(v.stats().maxCrashStates()).isEqualTo(3);
        assertThat(v.stats().crashStatesPerCrash()).isGreaterThan(1.0);
    }

    @Test
    void moreCrashStatesThanTheBudget_inconclusive() {
        // With a budget of 1 the search cannot try the states that lose writes, so it proves nothing.
        Scenario<Integer, Register> s = scenario(true, Durability.REORDERED).withFaults(
                FaultModel.crashes(1).withDurability(Durability.REORDERED).withCrashStateBudget(1));
        Verdict v = Explorer.check(s, OPTIONS);
        assertThat(v).isInstanceOf(Verdict.Inconclusive.class);
        assertThat(((Verdict.Inconclusive) v).reason()).contains("crash-state budget (1)");
    }

    @Test
    void survivorChoice_replaysExactly() {
        // The schedule names the durable state the crash left; replaying it gives the same trace.
        Scenario<Integer, Register> s = scenario(false, Durability.REORDERED);
        Verdict.Violated v = (Verdict.Violated) Explorer.check(s, OPTIONS);
        Replay r = Explorer.replay(s, v.counterexample().schedule(), null);
        assertThat(r.trace()).isEqualTo(v.counterexample().trace());
        assertThat(r.trace()).anyMatch(l -> l.text().startsWith("durable state s"));
    }
}
