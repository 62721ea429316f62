package armada.history;

import static org.assertj.core.api.Assertions.assertThat;

import armada.history.TestRegister.Poison;
import armada.history.TestRegister.Read;
import armada.history.TestRegister.Write;
import armada.spec.Unit;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md section 4's eight cases as recorded histories (register starting at 0, whose crash
 * keeps the value; client 0 is A, client 1 is B), and the cases only a recording has: operations
 * given up on, failed, or invoked while the server was down.
 */
class CrashEpisodeCasesTest {

    private final HistoryChecker<Integer> checker = new HistoryChecker<>(TestRegister.keeping());

    private static HistoryBuilder history() {
        return new HistoryBuilder();
    }

    private String verdict(HistoryBuilder b) {
        HistoryResult r = checker.check(b.build());
        if (r instanceof HistoryResult.Linearizable l && !l.vacuous()) {
            Witness.assertExplains(checker.spec(), b.build(), l.linearizations().getFirst().steps());
        }
        return r instanceof HistoryResult.Linearizable l && l.vacuous() ? "VACUOUS" : r.label();
    }

    @Test
    void case1_pendingWriteAtCrash_mayBeCompletedByRecovery() {
        // The write was running at the crash; recovery may have completed it before the crash step.
        var h = history().invoke(0, new Write(1)).crash().recovered().invoke(0, new Read()).ok(0, 1);

        assertThat(verdict(h)).isEqualTo("LINEARIZABLE");
    }

    @Test
    void case2_pendingWriteAtCrash_mayNeverTakeEffect() {
        // An operation cut off by a crash may also never take effect: reading the old 0 is fine.
        var h = history().invoke(0, new Write(1)).crash().recovered().invoke(0, new Read()).ok(0, 0);

        assertThat(verdict(h)).isEqualTo("LINEARIZABLE");
    }

    @Test
    void case3_completedWriteLostByCrash_isNotLinearizable() {
        // The write returned before the crash and this crash keeps the value: 0 means it was lost.
        var h = history().invoke(0, new Write(1)).ok(0, Unit.UNIT).crash().recovered().invoke(0, new Read()).ok(0, 0);

        assertThat(verdict(h)).isEqualTo("NOT_LINEARIZABLE");
    }

    @Test
    void case4_pendingWrite_mayTakeEffectAfterAWriteThatCompletedLater() {
        // A's write, pending at the crash, may take effect after B's completed W(2), before the crash step.
        var h = history().invoke(0, new Write(1)).invoke(1, new Write(2)).ok(1, Unit.UNIT)
                .crash().recovered().invoke(1, new Read()).ok(1, 1);

        assertThat(verdict(h)).isEqualTo("LINEARIZABLE");
    }

    @Test
    void case5_crashDuringRecovery_isOneEpisodeAndFinalRecoveryMayCompleteTheWrite() {
        // Crash 2 hits before recovery completes: one episode, one crash step, the write may still land.
        var h = history().invoke(0, new Write(1)).crash().crash().recovered().invoke(0, new Read()).ok(0, 1);

        assertThat(verdict(h)).isEqualTo("LINEARIZABLE");
        assertThat(h.build().episodes()).hasSize(1);
    }

    @Test
    void case6_pendingWriteOfAnEarlierEpisode_isGoneForGood() {
        // R -> 0 after the first recovery shows the write had not taken effect; it never can again.
        var h = history().invoke(0, new Write(1))
                .crash().recovered()
                .invoke(0, new Read()).ok(0, 0)
                .crash().recovered()
                .invoke(0, new Read()).ok(0, 1);

        assertThat(verdict(h)).isEqualTo("NOT_LINEARIZABLE");
    }

    @Test
    void case7_observedPendingWrite_tookEffectAndIsDurable() {
        // B read 1 while A's write was pending, so it took effect; the crash keeps it: 0 is wrong.
        var h = history().invoke(0, new Write(1)).invoke(1, new Read()).ok(1, 1)
                .crash().recovered().invoke(1, new Read()).ok(1, 0);

        assertThat(verdict(h)).isEqualTo("NOT_LINEARIZABLE");
    }

    @Test
    void case8_undefinedStep_acceptsEveryContinuationAsVacuous() {
        // Poison is undefined at 2: after it, even a read of a value never written is accepted.
        var h = history().invoke(0, new Write(2)).ok(0, Unit.UNIT).invoke(0, new Poison()).ok(0, Unit.UNIT)
                .invoke(0, new Read()).ok(0, 7);

        assertThat(verdict(h)).isEqualTo("VACUOUS");
    }

    @Test
    void case8_undefinedOnlyOnAPathThatIsNotNeeded_isNotVacuous() {
        // Poison could run at 2 (undefined) or at 0 (harmless), and a real order explains it all.
        var h = history().invoke(0, new Poison()).invoke(1, new Write(2)).ok(1, Unit.UNIT).ok(0, Unit.UNIT)
                .invoke(0, new Read()).ok(0, 2);

        assertThat(verdict(h)).isEqualTo("LINEARIZABLE");
    }

    @Test
    void givenUpWrite_mayTakeEffectLongAfterTheClientGaveUp() {
        // A timeout (info) says nothing about when the server applies the write: later reads may see it.
        var h = history().invoke(0, new Write(1)).info(0)
                .invoke(1, new Read()).ok(1, 0)
                .invoke(1, new Read()).ok(1, 1);

        assertThat(verdict(h)).isEqualTo("LINEARIZABLE");
    }

    @Test
    void givenUpWrite_isStoppedByALaterCrash() {
        // Given up before the crash, the write could still be running then: after the first
        // recovery's R -> 0 it is gone for good.
        var h = history().invoke(0, new Write(1)).info(0)
                .crash().recovered()
                .invoke(1, new Read()).ok(1, 0)
                .invoke(1, new Read()).ok(1, 1);

        assertThat(verdict(h)).isEqualTo("NOT_LINEARIZABLE");
    }

    @Test
    void failedWrite_neverTakesEffect() {
        // fail means certainly not applied: reading its value is a violation.
        var h = history().invoke(0, new Write(1)).fail(0).invoke(1, new Read()).ok(1, 1);

        assertThat(verdict(h)).isEqualTo("NOT_LINEARIZABLE");
    }

    @Test
    void writeInvokedWhileDown_takesEffectOnlyAfterRecovery() {
        // W(1) was sent while the server was down: it can only run after recovery, so the lossy
        // crash step cannot undo it, and a write before the crash cannot come after it.
        HistoryChecker<Integer> lossy = new HistoryChecker<>(TestRegister.lossy());
        var after = history().invoke(0, new Write(2)).ok(0, Unit.UNIT).crash()
                .invoke(1, new Write(1)).recovered().ok(1, Unit.UNIT)
                .invoke(0, new Read()).ok(0, 1);
        var before = history().invoke(0, new Write(2)).ok(0, Unit.UNIT).crash()
                .invoke(1, new Write(1)).recovered().ok(1, Unit.UNIT)
                .invoke(0, new Read()).ok(0, 2);

        assertThat(lossy.check(after.build()).label()).isEqualTo("LINEARIZABLE");
        assertThat(lossy.check(before.build()).label()).isEqualTo("NOT_LINEARIZABLE");
    }

    @Test
    void lossyCrash_mayResetButOnlyAtTheCrashStep() {
        // The lossy spec may reset the value at the crash step, but not between operations.
        HistoryChecker<Integer> lossy = new HistoryChecker<>(TestRegister.lossy());
        var reset = history().invoke(0, new Write(1)).ok(0, Unit.UNIT).crash().recovered().invoke(0, new Read()).ok(0, 0);
        var noCrash = history().invoke(0, new Write(1)).ok(0, Unit.UNIT).invoke(0, new Read()).ok(0, 0);

        assertThat(lossy.check(reset.build()).label()).isEqualTo("LINEARIZABLE");
        assertThat(lossy.check(noCrash.build()).label()).isEqualTo("NOT_LINEARIZABLE");
    }

    @Test
    void neverRecovered_pendingWriteStaysOptional() {
        // The history ends during a crash episode: no crash step, and the pending write may or may not land.
        var h = history().invoke(0, new Write(1)).invoke(1, new Read()).ok(1, 1).crash();

        assertThat(verdict(h)).isEqualTo("LINEARIZABLE");
    }
}
