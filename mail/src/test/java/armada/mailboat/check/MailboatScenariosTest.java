package armada.mailboat.check;

import static org.assertj.core.api.Assertions.assertThat;

import armada.explore.Expectation;
import armada.explore.Scenario;
import armada.testing.ShippedScenarioTests;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mailboat's scenarios: verdicts, reduction, random search, golden traces, and the list. */
class MailboatScenariosTest extends ShippedScenarioTests {

    @Override
    protected List<Scenario<?, ?>> scenarios() {
        return new MailboatScenarios().scenarios();
    }

    @Test
    void catalog_coversTheRequiredScenarios() {
        // Every required scenario and broken variant is shipped, with the expected verdict.
        List<String> holds = scenarios().stream().filter(s -> s.expected() == Expectation.HOLDS)
                .map(Scenario::name).toList();
        List<String> violated = scenarios().stream().filter(s -> s.expected() == Expectation.VIOLATED)
                .map(Scenario::name).toList();
        assertThat(holds).contains("mailboat/deliver-pickup", "mailboat/deliver-deliver", "mailboat/pickup-delete",
                "mailboat/crash-deliver", "mailboat/crash-deliver-ordered", "mailboat/crash-deliver-reordered",
                "mailboat/crash-in-recovery", "mailboat/create-deliver", "mailboat/reader-move",
                "mailboat/reader-pickup");
        assertThat(violated).containsExactlyInAnyOrder("mailboat/direct-to-new", "mailboat/no-message-fsync",
                "mailboat/no-new-fsync", "mailboat/rename-over-existing", "mailboat/unlocked-pickup",
                "mailboat/recovery-clears-new", "mailboat/no-maildir-fsync", "mailboat/delete-misses-move");
    }
}
