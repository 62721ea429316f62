package armada.check;

import static org.assertj.core.api.Assertions.assertThat;

import armada.history.History;
import armada.history.HistoryChecker;
import armada.history.HistoryOptions;
import armada.history.HistoryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The history checker ({@code armada.history}, which judges recorded histories) and the refinement
 * checker of this package (which judges simulated executions, event by event) are two
 * implementations of DESIGN.md section 4 that share no search code: on the simulated histories
 * of {@link RandomHistory} their verdicts must agree. (Their vacuity differs by design: here it
 * means some consistent path reached undefined behaviour, there that only such a path explains
 * the history.)
 */
class HistoryCheckerAgreementTest {

    @Test
    void randomSimulatedHistories_bothCheckersAgree() {
        Random random = new Random(20261129L);
        int explained = 0;
        int unexplained = 0;
        for (int t = 0; t < 2000; t++) {
            int specKind = random.nextInt(0, 4);
            int threads = random.nextInt(2, 4);
            List<Integer> choices = new ArrayList<>();
            for (int i = random.nextInt(0, 25); i > 0; i--) {
                choices.add(random.nextInt(0, 10_000));
            }
            RandomHistory h = RandomHistory.of(specKind, threads, choices);

            CheckResult refinement = new RefinementChecker<>(h.spec()).check(h.events());
            HistoryResult history = new HistoryChecker<>(h.spec(), HistoryOptions.DEFAULTS.withSeconds(0))
                    .check(History.ofExecution(h.events()));

            assertThat(history instanceof HistoryResult.Linearizable).as("%s%n%s%n%s", h, refinement, history)
                    .isEqualTo(refinement.isExplained());
            explained += refinement.isExplained() ? 1 : 0;
            unexplained += refinement.isExplained() ? 0 : 1;
        }
        assertThat(explained).isGreaterThan(200);
        assertThat(unexplained).isGreaterThan(200);
    }
}
