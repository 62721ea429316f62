package armada.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import armada.check.Verdict;
import armada.explore.Expectation;
import armada.explore.ExploreOptions;
import armada.explore.Explorer;
import armada.explore.Scenario;
import armada.report.TraceRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The tests every module with shipped scenarios runs over them: each gets its expected verdict;
 * the partial-order reduction never changes a verdict; a random search never says HOLDS; each
 * violation's rendered trace equals its golden file (a differing trace is written beside it as
 * {@code NAME.txt.actual} and the test fails with the diff: accepting it is renaming that file,
 * a visible change in the commit); names follow the CLI contract.
 */
public abstract class ShippedScenarioTests {

    /** Executions the search without reduction may take before it is not compared. */
    private static final long UNREDUCED_BUDGET = 300_000;

    private static final ExploreOptions EXHAUSTIVE = ExploreOptions.DEFAULTS.withSeconds(300);

    /** The scenarios under test. */
    protected abstract List<Scenario<?, ?>> scenarios();

    /** Where the golden traces live, e.g. {@code src/test/resources/golden}. */
    protected Path goldenDirectory() {
        return Path.of("src/test/resources/golden");
    }

    /** The scenarios of the default run: every shipped one but the size benchmarks. */
    private Stream<DynamicTest> each(java.util.function.Predicate<Scenario<?, ?>> which,
            java.util.function.Consumer<Scenario<?, ?>> test) {
        return scenarios().stream().filter(s -> !s.benchmark()).filter(which)
                .map(s -> DynamicTest.dynamicTest(s.name(), () -> test.accept(s)));
    }

    @TestFactory
    @org.junit.jupiter.api.Tag("long")
    Stream<DynamicTest> benchmarkScenario_getsItsExpectedVerdict() {
        // The size benchmarks (scale-*) take minutes together: the long profile checks them.
        return scenarios().stream().filter(Scenario::benchmark).map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            Verdict v = Explorer.check(s, EXHAUSTIVE);
            assertThat(s.asExpected(v)).as(s.name() + ": " + v.label()).isTrue();
        }));
    }

    @TestFactory
    Stream<DynamicTest> shippedScenario_getsItsExpectedVerdict() {
        // Correct code HOLDS over the whole bounded space, never vacuously; each broken variant is a real bug.
        return each(s -> true, s -> {
            Verdict v = Explorer.check(s, EXHAUSTIVE);
            assertThat(v.label()).as(s.name()).isEqualTo(s.expected().name());
            if (v instanceof Verdict.Violated viol) {
                // The broken variant must fail for the reason it ships for, not for any reason.
                assertThat(viol.counterexample().failure().kind()).as(s.name() + ": failure kind")
                        .isEqualTo(s.expectedFailure());
            }
            if (v instanceof Verdict.Holds) {
                assertThat(v.stats().vacuous()).as("vacuous executions of " + s.name()).isZero();
            }
        });
    }

    /**
     * Scenarios whose unreduced search takes too long for the default run (tens of seconds
     * each): {@code reductionOff_sameVerdict} compares them in the long profile only
     * ({@code mvn -Plong verify}). None by default.
     */
    protected boolean unreducedInLongRunOnly(Scenario<?, ?> scenario) {
        return false;
    }

    @TestFactory
    Stream<DynamicTest> reductionOff_sameVerdict() {
        return reductionOff(s -> !unreducedInLongRunOnly(s));
    }

    @TestFactory
    @org.junit.jupiter.api.Tag("long")
    Stream<DynamicTest> reductionOff_sameVerdict_longRun() {
        return reductionOff(this::unreducedInLongRunOnly);
    }

    private Stream<DynamicTest> reductionOff(java.util.function.Predicate<Scenario<?, ?>> which) {
        // Sleep sets prune only executions equivalent to explored ones. Where the plain search is
        // too big for the default run, it cannot disagree: it is cut short, and only HOLDS is then
        // consistent with a reduced verdict that nothing was missed.
        return each(s -> s.faults().maxCrashes() > 0 && which.test(s), s -> {
            Verdict with = Explorer.check(s, EXHAUSTIVE.withShrink(false));
            Verdict without = Explorer.check(s, EXHAUSTIVE.withShrink(false).withReduction(false)
                    .withExecutions(UNREDUCED_BUDGET));
            if (without instanceof Verdict.Inconclusive) {
                assertThat(with).as(s.name()).isInstanceOf(Verdict.Holds.class);
                return;
            }
            assertThat(without.label()).as(s.name()).isEqualTo(with.label());
            assertThat(without.stats().executions()).isGreaterThanOrEqualTo(with.stats().executions());
        });
    }

    @TestFactory
    Stream<DynamicTest> moverReductionOff_sameVerdict() {
        // Calls glued by checked movers cut only executions a reordering of the same calls covers:
        // with every layer call a scheduling point, the verdict (and the failure kind) is the same.
        return each(s -> s.moverClaims() != null, s -> {
            Verdict with = Explorer.check(s, EXHAUSTIVE.withShrink(false));
            Verdict without = Explorer.check(s, EXHAUSTIVE.withShrink(false).withMoverReduction(false)
                    .withExecutions(UNREDUCED_BUDGET));
            if (without instanceof Verdict.Inconclusive) {
                assertThat(with).as(s.name()).isInstanceOf(Verdict.Holds.class);
                return;
            }
            assertThat(without.label()).as(s.name()).isEqualTo(with.label());
            if (with instanceof Verdict.Violated v) {
                assertThat(((Verdict.Violated) without).counterexample().failure().kind()).as(s.name())
                        .isEqualTo(v.counterexample().failure().kind());
            }
            assertThat(without.stats().executions()).isGreaterThanOrEqualTo(with.stats().executions());
        });
    }

    @TestFactory
    Stream<DynamicTest> randomSearch_neverSaysHolds() {
        // Sampling proves nothing: a correct scenario is INCONCLUSIVE, never HOLDS.
        return each(s -> true, s -> {
            Verdict v = Explorer.check(s, ExploreOptions.DEFAULTS.withStrategy(ExploreOptions.StrategyKind.RANDOM)
                    .withExecutions(1_000).withWorkers(2));
            assertThat(v).as(s.name()).isNotInstanceOf(Verdict.Holds.class);
        });
    }

    @TestFactory
    Stream<DynamicTest> counterexampleTrace_matchesGoldenFile() {
        // The search, the shrinking and the rendering are deterministic, so the text is too.
        return each(s -> s.expected() == Expectation.VIOLATED, s -> {
            Verdict v = Explorer.check(s, EXHAUSTIVE);
            assertThat(v).as(s.name()).isInstanceOf(Verdict.Violated.class);
            String text = TraceRenderer.render(s.name(), ((Verdict.Violated) v).counterexample());
            Path file = goldenDirectory().resolve(s.name().replace('/', '_') + ".txt");
            Path actual = goldenDirectory().resolve(s.name().replace('/', '_') + ".txt.actual");
            try {
                String golden = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
                if (text.equals(golden)) {
                    Files.deleteIfExists(actual);
                    return;
                }
                // Never overwrite a golden file: write what this run rendered beside it, and fail
                // with the diff; accepting it is a visible rename (mv X.txt.actual X.txt) in the commit.
                Files.createDirectories(goldenDirectory());
                Files.writeString(actual, text, StandardCharsets.UTF_8);
                if (golden == null) {
                    fail("no golden file " + file + "; this run's trace is in " + actual + ": review it and rename it");
                }
                assertThat(text).as("trace of " + s.name() + " (this run's is in " + actual + ")").isEqualTo(golden);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void catalog_namesFollowTheContract() {
        // `armada list` prints example/scenario names, one per scenario.
        List<String> names = scenarios().stream().map(Scenario::name).toList();
        assertThat(names).isNotEmpty().doesNotHaveDuplicates()
                .allMatch(n -> n.matches("[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*"));
    }
}
