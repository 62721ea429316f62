package armada.mailboat.check;

import static org.assertj.core.api.Assertions.assertThat;

import armada.check.Verdict;
import armada.explore.Expectation;
import armada.explore.ExploreOptions;
import armada.explore.Explorer;
import armada.explore.Scenario;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MailboatScenariosTest {

    static Stream<Scenario<?, ?>> scenarios() {
        return new MailboatScenarios().scenarios().stream();
    }

    static Stream<Scenario<?, ?>> crashScenarios() {
        return scenarios().filter(s -> s.faults().maxCrashes() > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void shippedScenario_getsItsExpectedVerdict(Scenario<?, ?> s) {
        // The library holds in every bounded scenario; each broken variant is a real bug.
        Verdict v = Explorer.check(s, ExploreOptions.DEFAULTS.withSeconds(120));
        assertThat(v.label()).isEqualTo(s.expected().name());
        if (v instanceof Verdict.Holds) {
            assertThat(v.stats().vacuous()).as("no execution may rely on undefined behaviour").isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crashScenarios")
    void reductionOff_sameVerdict(Scenario<?, ?> s) {
        // Sleep sets prune only executions equivalent to explored ones.
        Verdict with = Explorer.check(s, ExploreOptions.DEFAULTS.withSeconds(120).withShrink(false));
        Verdict without = Explorer.check(s, ExploreOptions.DEFAULTS.withSeconds(120).withShrink(false)
                .withReduction(false));
        assertThat(without.label()).isEqualTo(with.label());
    }

    @Test
    void catalog_coversTheIssue() {
        // Every required scenario and broken variant is shipped, with the expected verdict.
        List<String> holds = scenarios().filter(s -> s.expected() == Expectation.HOLDS).map(Scenario::name).toList();
        List<String> violated = scenarios().filter(s -> s.expected() == Expectation.VIOLATED).map(Scenario::name)
                .toList();
        assertThat(holds).contains("mailboat/deliver-pickup", "mailboat/deliver-deliver", "mailboat/pickup-delete",
                "mailboat/crash-deliver", "mailboat/crash-deliver-ordered", "mailboat/crash-deliver-reordered",
                "mailboat/crash-in-recovery");
        assertThat(violated).containsExactlyInAnyOrder("mailboat/direct-to-new", "mailboat/no-message-fsync",
                "mailboat/no-new-fsync", "mailboat/rename-over-existing", "mailboat/unlocked-pickup",
                "mailboat/recovery-clears-new");
    }
}
