package armada.check;

import static armada.check.HistoryBuilder.history;
import static org.assertj.core.api.Assertions.assertThat;

import armada.check.CheckResult.Explained;
import armada.check.CheckResult.Unexplained;
import armada.check.Registers.Read;
import armada.check.Registers.Toss;
import armada.check.Registers.Write;
import armada.spec.Unit;
import org.junit.jupiter.api.Test;

/** Specs with several outcomes: {@link Toss} returns 1 or 2, and a crash may reset the register to 0. */
class NondeterminismTest {

    private final RefinementChecker<Integer> checker = new RefinementChecker<>(Registers.lossy());

    @Test
    void tossReturningEitherAllowedValue_isExplained() {
        // The spec allows both 1 and 2, so each observed result has a matching outcome.
        for (int r : new int[] {1, 2}) {
            assertThat(checker.check(history().call(0, new Toss(), r).build())).as("toss %d", r)
                    .isEqualTo(new Explained(false));
        }
    }

    @Test
    void tossReturningAThirdValue_isUnexplained() {
        // 0 is not among the spec's outcomes; the reason lists both allowed results.
        assertThat(checker.check(history().call(0, new Toss(), 0).build())).isEqualTo(new Unexplained(1,
                "t0's Toss() returned 0, but in every spec state reachable here (1 state) the spec's outcomes are only: 1, 2"));
    }

    @Test
    void lossyCrash_mayKeepTheValue() {
        // The crash step may keep the value: the completed write survives.
        var h = history().call(0, new Write(1), Unit.UNIT).crash().recovered().call(0, new Read(), 1).build();

        assertThat(checker.check(h)).isEqualTo(new Explained(false));
    }

    @Test
    void lossyCrash_mayResetTheValue() {
        // The crash step may also reset to 0, so here losing a completed write is allowed.
        var h = history().call(0, new Write(1), Unit.UNIT).crash().recovered().call(0, new Read(), 0).build();

        assertThat(checker.check(h)).isEqualTo(new Explained(false));
    }

    @Test
    void lossyCrash_neverInventsAValue() {
        // The crash step leaves 1 or 0; 2 was never written.
        var h = history().call(0, new Write(1), Unit.UNIT).crash().recovered().call(0, new Read(), 2).build();

        assertThat(checker.check(h)).isEqualTo(new Unexplained(5,
                "t0's R() returned 2, but in every spec state reachable here (2 states) the spec's outcomes are only: 0, 1\n"
                        + "after recovery from crash 1; no operation was pending at a crash"));
    }

    @Test
    void lossyCrash_choosesOnceForTheWholeEpisode() {
        // The crash step is taken once, at recovery: reading 0 and then 1 would need the state to
        // change with no operation in between.
        var h = history()
                .call(0, new Write(1), Unit.UNIT)
                .crash().recovered()
                .call(0, new Read(), 0)
                .call(0, new Read(), 1)
                .build();

        assertThat(checker.check(h)).isInstanceOf(Unexplained.class);
    }

    @Test
    void pendingWriteAndLossyCrash_combineTheirChoices() {
        // W(2) is pending at the crash: it may take effect or not, and then the crash step may
        // keep or reset the value, so 0, 1 and 2 are all explained after recovery.
        for (int r : new int[] {0, 1, 2}) {
            var h = history()
                    .call(0, new Write(1), Unit.UNIT)
                    .invoke(1, new Write(2))
                    .crash().recovered()
                    .call(0, new Read(), r)
                    .build();

            assertThat(checker.check(h)).as("read %d", r).isEqualTo(new Explained(false));
        }
    }
}
