package armada.check;

import static armada.check.HistoryBuilder.history;
import static org.assertj.core.api.Assertions.assertThat;

import armada.check.CheckResult.Explained;
import armada.check.CheckResult.Unexplained;
import armada.check.Registers.Read;
import armada.check.Registers.Write;
import armada.spec.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Concurrent histories without crashes, on a register that starts at 0. */
class LinearizabilityTest {

    private final RefinementChecker<Integer> checker = new RefinementChecker<>(Registers.register());

    @Test
    void emptyHistory_isExplained() {
        // Nothing happened, and the spec's initial state explains nothing happening.
        assertThat(checker.check(List.of())).isEqualTo(new Explained(false));
    }

    @Test
    void sequentialWriteThenRead_isExplained() {
        // One thread writes 1 and then reads it back: the sequential spec run itself.
        var h = history().call(0, new Write(1), Unit.UNIT).call(0, new Read(), 1).build();

        assertThat(checker.check(h)).isEqualTo(new Explained(false));
    }

    @Test
    void staleReadAfterCompletedWrite_isUnexplained() {
        // The read starts after the write returned, so it must see 1; 0 is stale.
        var h = history().call(0, new Write(1), Unit.UNIT).call(1, new Read(), 0).build();

        assertThat(checker.check(h)).isEqualTo(new Unexplained(3,
                "t1's R() returned 0, but in every spec state reachable here (1 state) the spec's outcomes are only: 1"));
    }

    @Test
    void readOverlappingWrite_mayReturnOldThenNew() {
        // While the write is pending a reader may see 0 (not yet) and later 1 (took effect).
        var h = history()
                .invoke(0, new Write(1))
                .call(1, new Read(), 0)
                .call(1, new Read(), 1)
                .ok(0)
                .build();

        assertThat(checker.check(h)).isEqualTo(new Explained(false));
    }

    @Test
    void readOverlappingWrite_cannotReturnNewThenOld() {
        // Once a read saw 1 the write has taken effect; a later read cannot go back to 0.
        var h = history()
                .invoke(0, new Write(1))
                .call(1, new Read(), 1)
                .call(1, new Read(), 0)
                .ok(0)
                .build();

        assertThat(checker.check(h)).isEqualTo(new Unexplained(4,
                "t1's R() returned 0, but in every spec state reachable here (1 state) the spec's outcomes are only: 1"));
    }

    @Test
    void overlappingWrites_mayTakeEffectInEitherOrder() {
        // Two writes overlap, so either may be last: a later read of 1 and a later read of 2
        // are both explained.
        for (int last : new int[] {1, 2}) {
            var h = history()
                    .invoke(0, new Write(1))
                    .invoke(1, new Write(2))
                    .ok(0)
                    .ok(1)
                    .call(2, new Read(), last)
                    .build();

            assertThat(checker.check(h)).as("read %d", last).isEqualTo(new Explained(false));
        }
    }

    @Test
    void overlappingWrites_cannotLeaveTheInitialValue() {
        // Both writes returned before the read started, so the value is 1 or 2, never 0. Both
        // end states are listed, in sorted order.
        var h = history()
                .invoke(0, new Write(1))
                .invoke(1, new Write(2))
                .ok(0)
                .ok(1)
                .call(2, new Read(), 0)
                .build();

        assertThat(checker.check(h)).isEqualTo(new Unexplained(5,
                "t2's R() returned 0, but in every spec state reachable here (2 states) the spec's outcomes are only: 1, 2"));
    }

    @Test
    void twoReadersDisagreeingOnTheLastWrite_isUnexplained() {
        // After both writes completed, the value is fixed: reading 1 and then 2 with no write in
        // between has no linearization.
        var h = history()
                .invoke(0, new Write(1))
                .invoke(1, new Write(2))
                .ok(0)
                .ok(1)
                .call(2, new Read(), 1)
                .call(2, new Read(), 2)
                .build();

        assertThat(checker.check(h)).isInstanceOf(Unexplained.class);
    }

    @Test
    void readOfValueNeverWritten_isUnexplained() {
        // No write of 7 exists, so no order of the operations produces it.
        var h = history().invoke(0, new Write(1)).call(1, new Read(), 7).build();

        assertThat(checker.check(h)).isEqualTo(new Unexplained(2,
                "t1's R() returned 7, but in every spec state reachable here (2 states) the spec's outcomes are only: 0, 1"));
    }

    @Test
    void writePendingAtEndOfHistory_mayOrMayNotHaveTakenEffect() {
        // A history may end with operations still running; they may have taken effect or not.
        for (int seen : new int[] {0, 1}) {
            var h = history().invoke(0, new Write(1)).call(1, new Read(), seen).build();

            assertThat(checker.check(h)).as("read %d", seen).isEqualTo(new Explained(false));
        }
    }

    @Test
    void readReturningBeforeTheWriteIsInvoked_cannotSeeIt() {
        // Real time: the read returned before the write was invoked, so it cannot see the write.
        var h = history().call(1, new Read(), 1).call(0, new Write(1), Unit.UNIT).build();

        assertThat(checker.check(h)).isEqualTo(new Unexplained(1,
                "t1's R() returned 1, but in every spec state reachable here (1 state) the spec's outcomes are only: 0"));
    }
}
