package armada.history;

import static org.assertj.core.api.Assertions.assertThat;

import armada.history.TestRegister.Read;
import armada.history.TestRegister.Write;
import armada.spec.Unit;
import org.junit.jupiter.api.Test;

/** What NOT_LINEARIZABLE says: the longest linearizable prefixes, and what could not be placed next and why. */
class ViolationReportTest {

    private final HistoryChecker<Integer> checker = new HistoryChecker<>(TestRegister.keeping());

    @Test
    void readOfAValueNeverWritten_longestPrefixEndsBeforeIt() {
        // W(1) then R -> 2: the longest explanation is W(1) alone, and the read cannot follow it.
        History h = new HistoryBuilder().invoke(0, new Write(1)).ok(0, Unit.UNIT).invoke(1, new Read()).ok(1, 2).build();

        HistoryResult.NotLinearizable r = (HistoryResult.NotLinearizable) checker.check(h);

        PartialLinearization p = r.longest().getFirst();
        assertThat(p.partition()).isNull();
        assertThat(p.steps()).extracting(s -> (Object) s.operation().op()).containsExactly(new Write(1));
        assertThat(p.steps().getFirst().state()).isEqualTo(1);
        assertThat(p.unplaced().op()).isEqualTo(new Read());
        assertThat(p.why()).contains("c1 R() -> 2").contains("results are only: 1");
    }

    @Test
    void concurrentAlternatives_eachLongestPrefixIsReported() {
        // W(1) and W(2) overlap, then R -> 3: both orders of the writes are longest prefixes.
        History h = new HistoryBuilder().invoke(0, new Write(1)).invoke(1, new Write(2)).ok(0, Unit.UNIT)
                .ok(1, Unit.UNIT).invoke(0, new Read()).ok(0, 3).build();

        HistoryResult.NotLinearizable r = (HistoryResult.NotLinearizable) checker.check(h);

        assertThat(r.longest()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(p -> {
            assertThat(p.steps()).hasSize(2);
            assertThat(p.unplaced().op()).isEqualTo(new Read());
        });
        assertThat(r.longest()).extracting(p -> p.steps().getLast().state()).contains(1, 2);
    }

    @Test
    void lostCrashStep_isReportedAsTheCrashStep() {
        // A completed W(1), a crash, and a read of 0 on a spec whose crash keeps the value:
        // the crash step cannot leave 0... so the read is what cannot be placed after it.
        History h = new HistoryBuilder().invoke(0, new Write(1)).ok(0, Unit.UNIT).crash().recovered()
                .invoke(0, new Read()).ok(0, 0).build();

        HistoryResult.NotLinearizable r = (HistoryResult.NotLinearizable) checker.check(h);

        PartialLinearization p = r.longest().getFirst();
        assertThat(p.steps()).hasSize(2);
        assertThat(p.steps().get(1).isCrash()).isTrue();
        assertThat(p.unplaced().op()).isEqualTo(new Read());
    }
}
