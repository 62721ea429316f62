package armada.check;

import static armada.check.HistoryBuilder.history;
import static org.assertj.core.api.Assertions.assertThat;

import armada.check.CheckResult.Explained;
import armada.check.CheckResult.Unexplained;
import armada.check.Registers.Read;
import armada.check.Registers.Write;
import armada.spec.Unit;
import org.junit.jupiter.api.Test;

/** A register that starts unset, where a read before any write is undefined behaviour. */
class UndefinedBehaviourTest {

    private final RefinementChecker<Integer> checker = new RefinementChecker<>(Registers.unsetIsUndefined());

    @Test
    void readOfUnsetRegister_isVacuous() {
        // The read's spec step is undefined, so any result is accepted and the verdict says so.
        assertThat(checker.check(history().call(0, new Read(), 42).build())).isEqualTo(new Explained(true));
    }

    @Test
    void historyThatNeverReachesUndefinedBehaviour_isNotVacuous() {
        // The write comes first, so the read is defined; the verdict is an ordinary one.
        var h = history().call(0, new Write(1), Unit.UNIT).call(0, new Read(), 1).build();

        assertThat(checker.check(h)).isEqualTo(new Explained(false));
    }

    @Test
    void violationWithoutUndefinedBehaviour_isStillUnexplained() {
        // The register is set before the read, so the spec is defined and 2 is simply wrong.
        var h = history().call(0, new Write(1), Unit.UNIT).call(0, new Read(), 2).build();

        assertThat(checker.check(h)).isInstanceOf(Unexplained.class);
    }

    @Test
    void readThatMayPrecedeAnOverlappingWrite_isVacuous() {
        // The read overlaps the first write, so one consistent order puts it first, on the unset
        // register: undefined behaviour is reachable, and the history is accepted as vacuous.
        var h = history()
                .invoke(0, new Write(1))
                .call(1, new Read(), 1)
                .ok(0)
                .call(1, new Read(), 3)
                .build();

        assertThat(checker.check(h)).isEqualTo(new Explained(true));
    }

    @Test
    void readPendingAtEndOfHistory_isVacuous() {
        // A read still running at the end may take effect; on the unset register that is undefined.
        assertThat(checker.check(history().invoke(0, new Read()).build())).isEqualTo(new Explained(true));
    }

    @Test
    void readCutOffByCrash_isVacuous() {
        // A read pending at a crash may take effect before the crash step; on the unset register
        // that is undefined, even though it never returned.
        var h = history().invoke(0, new Read()).crash().recovered().call(0, new Write(1), Unit.UNIT)
                .call(0, new Read(), 2).build();

        assertThat(checker.check(h)).isEqualTo(new Explained(true));
    }

    @Test
    void violationBeforeUndefinedBehaviourIsReachable_isUnexplained() {
        // The first read of the written register returns a wrong value before any undefined step
        // is possible; undefined behaviour later does not excuse an earlier violation.
        var ub = new RefinementChecker<>(Registers.unsetIsUndefined());
        var h = history()
                .call(0, new Write(1), Unit.UNIT)
                .call(0, new Read(), 2)
                .build();

        assertThat(ub.check(h)).isEqualTo(new Unexplained(3,
                "t0's R() returned 2, but in every spec state reachable here (1 state) the spec's outcomes are only: 1"));
    }
}
