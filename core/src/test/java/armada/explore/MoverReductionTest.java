package armada.explore;

import static org.assertj.core.api.Assertions.assertThat;

import armada.check.Verdict;
import armada.explore.LayerProgram.Call;
import armada.explore.LayerProgram.Run;
import armada.layers.Mover;
import armada.layers.MoverCheck;
import armada.layers.MoverClaim;
import armada.layers.PidOp;
import armada.spec.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reduction from checked movers as a check uses it: what it cuts, and what the verdict says. */
class MoverReductionTest {

    /** Acquire, read word a, write 1 or 2 to it, release. */
    private static Run locked(int value) {
        return new Run(List.of(new Call(0, 0, 0), new Call(2, 0, 0), new Call(3, 0, value), new Call(1, 0, 0)));
    }

    private static Scenario<?, ?> twoLocked(int crashes, MoverCheck<LockPairSpec.State> claims) {
        List<List<Op<?>>> clients = List.of(List.of(locked(1)), List.of(locked(2)));
        return new LayerProgram(false, clients, FaultModel.crashes(crashes)).scenario("movers-locked", claims);
    }

    @Test
    void lockedProcedures_sameVerdictInFewerExecutions_andTheBoundsSaySo() {
        for (int crashes = 0; crashes <= 1; crashes++) {
            Scenario<?, ?> s = twoLocked(crashes, LockPairSpec.claims(LayerProgram.SPEC));
            Verdict on = Explorer.check(s, ExploreOptions.DEFAULTS);
            Verdict off = Explorer.check(s, ExploreOptions.DEFAULTS.withMoverReduction(false));
            assertThat(on).as("crashes=" + crashes).isInstanceOf(Verdict.Holds.class);
            assertThat(off).as("crashes=" + crashes).isInstanceOf(Verdict.Holds.class);
            assertThat(on.stats().executions()).as("crashes=" + crashes).isLessThan(off.stats().executions());
            assertThat(on.bounds()).contains(MoverReduction.USED);
            assertThat(off.bounds()).doesNotContain(MoverReduction.USED).contains("movers checked over");
        }
    }

    @Test
    void callOutsideTheDomain_whereCallsWereGlued_isInconclusiveNotHolds() {
        // The claims were checked without writes of 2: client 1 writes 2, so the glued stretches
        // of client 0 were never checked against it.
        List<PidOp> domain = LockPairSpec.domain().stream()
                .filter(c -> !(c.op() instanceof LockPairSpec.Write w && w.value() == 2)).toList();
        MoverCheck<LockPairSpec.State> narrow = MoverCheck.of(LayerProgram.SPEC, domain)
                .claim(MoverClaim.of(LockPairSpec.Acquire.class, Mover.RIGHT))
                .claim(MoverClaim.of(LockPairSpec.Release.class, Mover.LEFT));
        Verdict on = Explorer.check(twoLocked(0, narrow), ExploreOptions.DEFAULTS);
        assertThat(on).isInstanceOf(Verdict.Inconclusive.class);
        assertThat(((Verdict.Inconclusive) on).reason()).contains("outside the mover check's domain")
                .contains("Write[pid=2, word=0, value=2]").contains("--no-mover-reduction");
        // Without the reduction the same claims cut nothing, and the search proves the scenario.
        assertThat(Explorer.check(twoLocked(0, narrow), ExploreOptions.DEFAULTS.withMoverReduction(false)))
                .isInstanceOf(Verdict.Holds.class);
    }

    @Test
    void trueClaimWithAnUnstableCondition_isNotUsed_andTheBoundsSayWhy() {
        // Flip is a both mover everywhere, so the claim holds; but "while the lock is free" stops
        // holding when another process acquires it, so the reduction may not use it.
        MoverCheck<LockPairSpec.State> unstable = MoverCheck.of(LayerProgram.SPEC, LockPairSpec.domain())
                .claim(MoverClaim.<LockPairSpec.State>of(LockPairSpec.Flip.class, Mover.BOTH)
                        .when("the lock is free", (st, c) -> st.owner() == LockPairSpec.FREE));
        List<List<Op<?>>> clients = List.of(List.of(new Run(List.of(new Call(4, 0, 0), new Call(5, 0, 0)))),
                List.of(locked(1)));
        Scenario<?, ?> s = new LayerProgram(false, clients, FaultModel.NONE).scenario("movers-unstable", unstable);
        Verdict on = Explorer.check(s, ExploreOptions.DEFAULTS);
        Verdict off = Explorer.check(s, ExploreOptions.DEFAULTS.withMoverReduction(false));
        assertThat(on).isInstanceOf(Verdict.Holds.class);
        assertThat(on.bounds()).contains("mover claim 'Flip is a both mover when the lock is free' is not used by the"
                + " reduction: its condition does not hold").doesNotContain(MoverReduction.USED);
        assertThat(on.stats().executions()).isEqualTo(off.stats().executions());
    }

    @Test
    void falseClaim_isTheViolationBeforeAnySearch_withTheReductionOnOrOff() {
        MoverCheck<LockPairSpec.State> wrong = MoverCheck.of(LayerProgram.SPEC, LockPairSpec.domain())
                .claim(MoverClaim.of(LockPairSpec.Release.class, Mover.RIGHT));
        assertThat(wrong.checkForSearch().movers()).as("a false claim is never handed to the search").isNull();
        for (boolean reduce : new boolean[] {true, false}) {
            Verdict v = Explorer.check(twoLocked(0, wrong), ExploreOptions.DEFAULTS.withMoverReduction(reduce));
            assertThat(v).isInstanceOf(Verdict.Violated.class);
            assertThat(((Verdict.Violated) v).counterexample().failure().kind()).isEqualTo("false-mover");
            assertThat(v.stats().executions()).isZero();
        }
    }
}
