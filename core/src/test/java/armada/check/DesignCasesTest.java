package armada.check;

import static armada.check.HistoryBuilder.history;
import static org.assertj.core.api.Assertions.assertThat;

import armada.check.CheckResult.Explained;
import armada.check.CheckResult.Unexplained;
import armada.check.Registers.Read;
import armada.check.Registers.Write;
import armada.spec.Unit;
import org.junit.jupiter.api.Test;

/** The eight cases of DESIGN.md section 4, on a register that starts at 0 (A = t0, B = t1). */
class DesignCasesTest {

    private final RefinementChecker<Integer> checker = new RefinementChecker<>(Registers.register());

    @Test
    void case1_pendingWriteAtCrash_mayBeCompletedByRecovery() {
        // The write was running when the machine crashed; recovery may have completed it, so
        // reading 1 afterwards is explained by the write taking effect before the crash step.
        var h = history().invoke(0, new Write(1)).crash().recovered().call(0, new Read(), 1).build();

        assertThat(checker.check(h)).isEqualTo(new Explained(false));
    }

    @Test
    void case2_pendingWriteAtCrash_mayNeverTakeEffect() {
        // An operation cut off by a crash may also never take effect: reading the old 0 is fine.
        var h = history().invoke(0, new Write(1)).crash().recovered().call(0, new Read(), 0).build();

        assertThat(checker.check(h)).isEqualTo(new Explained(false));
    }

    @Test
    void case3_completedWriteLostByCrash_isUnexplained() {
        // The write returned before the crash, so it took effect then, and this spec's crash keeps
        // the value: reading 0 after recovery means a completed write was lost.
        var h = history().call(0, new Write(1), Unit.UNIT).crash().recovered().call(0, new Read(), 0).build();

        assertThat(checker.check(h)).isEqualTo(new Unexplained(5,
                "t0's R() returned 0, but in every spec state reachable here (1 state) the spec's outcomes are only: 1\n"
                        + "after recovery from crash 1; no operation was pending at a crash"));
    }

    @Test
    void case4_pendingWrite_mayTakeEffectAfterAWriteThatCompletedLater() {
        // A's write was invoked first but is still pending at the crash; it may take effect after
        // B's completed W(2) and before the spec crash step, leaving 1.
        var h = history()
                .invoke(0, new Write(1))
                .call(1, new Write(2), Unit.UNIT)
                .crash().recovered()
                .call(1, new Read(), 1)
                .build();

        assertThat(checker.check(h)).isEqualTo(new Explained(false));
    }

    @Test
    void case5_crashDuringRecovery_isOneEpisodeAndFinalRecoveryMayCompleteTheWrite() {
        // Crash 2 hits before recovery completes, so crashes 1 and 2 are one episode with one
        // spec crash step; the write pending at crash 1 may still take effect before it.
        var h = history().invoke(0, new Write(1)).crash().crash().recovered().call(0, new Read(), 1).build();

        assertThat(checker.check(h)).isEqualTo(new Explained(false));
    }

    @Test
    void case6_pendingWriteOfAnEarlierEpisode_isGoneForGood() {
        // Recovery from crash 1 completed and R -> 0 shows the write did not take effect by then;
        // after that recovery it never can, and nothing in episode 2 wrote 1.
        var h = history()
                .invoke(0, new Write(1))
                .crash().recovered()
                .call(0, new Read(), 0)
                .crash().recovered()
                .call(0, new Read(), 1)
                .build();

        assertThat(checker.check(h)).isEqualTo(new Unexplained(8,
                "t0's R() returned 1, but in every spec state reachable here (1 state) the spec's outcomes are only: 0\n"
                        + "after recovery from crash 2; cut off by a crash, could take effect only before its recovery: "
                        + "t0's W(1) (crash 1)"));
    }

    @Test
    void case7_pendingWriteObservedBeforeCrash_isDurable() {
        // B read 1 while A's write was pending, so the write had taken effect; the spec's crash
        // keeps the value, so reading 0 after recovery is a lost write.
        var h = history()
                .invoke(0, new Write(1))
                .call(1, new Read(), 1)
                .crash().recovered()
                .call(1, new Read(), 0)
                .build();

        CheckResult result = checker.check(h);

        assertThat(result).isInstanceOf(Unexplained.class);
        assertThat(((Unexplained) result).eventIndex()).isEqualTo(6);
    }

    @Test
    void case8_undefinedSpecStep_acceptsEveryContinuationAsVacuous() {
        // Reading the register before any write is undefined in this spec, so nothing after that
        // read can be a violation, even results no state explains; the verdict says vacuous.
        var ub = new RefinementChecker<>(Registers.unsetIsUndefined());
        var h = history()
                .call(0, new Read(), 7)
                .call(0, new Write(1), Unit.UNIT)
                .call(1, new Read(), 5)
                .crash().recovered()
                .call(1, new Read(), 9)
                .build();

        assertThat(ub.check(h)).isEqualTo(new Explained(true));
    }
}
