package armada.examples.repdisk;

import static org.assertj.core.api.Assertions.assertThat;

import armada.check.Verdict;
import armada.explore.ExploreOptions;
import armada.explore.Explorer;
import armada.explore.Scenario;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReplicatedDiskScenariosTest {

    static Stream<Scenario<?, ?>> scenarios() {
        return new ReplicatedDiskScenarios().scenarios().stream();
    }

    static Stream<Scenario<?, ?>> crashScenarios() {
        return scenarios().filter(s -> s.faults().maxCrashes() > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void shippedScenario_getsItsExpectedVerdict(Scenario<?, ?> s) {
        // Correct code must HOLD over the whole bounded space; each broken variant is a real bug.
        Verdict v = Explorer.check(s, ExploreOptions.DEFAULTS.withSeconds(120));
        assertThat(v.label()).isEqualTo(s.expected().name());
        if (v instanceof Verdict.Holds) {
            assertThat(v.stats().vacuous()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crashScenarios")
    void reductionOff_sameVerdictAtLeastAsManyExecutions(Scenario<?, ?> s) {
        // Sleep sets only prune executions equivalent to explored ones, so the verdict is the same.
        Verdict with = Explorer.check(s, ExploreOptions.DEFAULTS.withSeconds(120).withShrink(false));
        Verdict without = Explorer.check(s, ExploreOptions.DEFAULTS.withSeconds(120).withShrink(false)
                .withReduction(false));
        assertThat(without.label()).isEqualTo(with.label());
        if (with instanceof Verdict.Holds) {
            assertThat(without.stats().executions()).isGreaterThan(with.stats().executions());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void randomSearch_neverSaysHolds(Scenario<?, ?> s) {
        // Sampling proves nothing: a correct scenario is INCONCLUSIVE, never HOLDS.
        Verdict v = Explorer.check(s, ExploreOptions.DEFAULTS.withStrategy(ExploreOptions.StrategyKind.RANDOM)
                .withExecutions(2_000).withWorkers(2));
        assertThat(v).isNotInstanceOf(Verdict.Holds.class);
    }

    @org.junit.jupiter.api.Test
    void catalog_namesAreUniqueAndPrefixed() {
        // The CLI contract: names are example/scenario, one per line in 'armada list'.
        List<String> names = scenarios().map(Scenario::name).toList();
        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.startsWith("replicated-disk/"));
        assertThat(names).contains("replicated-disk/bench-2x2");
        assertThat(scenarios().filter(s -> s.expected().name().equals("VIOLATED")).count()).isGreaterThanOrEqualTo(4);
    }
}
