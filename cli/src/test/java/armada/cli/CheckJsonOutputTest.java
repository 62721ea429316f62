package armada.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code armada check --json}: one JSON object per scenario per line, and the exit code that says
 * whether every verdict matched its expectation. Other tools parse exactly this.
 */
class CheckJsonOutputTest {

    private static final String NO_RECOVERY = "replicated-disk/no-recovery";
    private static final String TWO_WRITERS = "replicated-disk/two-writers";
    private static final String WRITE_READ = "replicated-disk/write-read";

    @Test
    void brokenAndCorrectScenario_eachMatchesItsExpectation_exitsZero() {
        // no-recovery loses a write cut off by a crash once disk 0 fails, which the exhaustive
        // search reaches; two-writers is the correct disk. Both verdicts are as expected, so 0.
        CliRun run = CliRun.of("check", NO_RECOVERY, TWO_WRITERS, "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<JsonNode> results = run.jsonLines();
        assertThat(results).hasSize(2);
        results.forEach(CheckJsonOutputTest::assertResultShape);
        assertThat(results.get(0).get("name").asText()).isEqualTo(NO_RECOVERY);
        assertThat(results.get(0).get("expected").asText()).isEqualToIgnoringCase("violated");
        assertThat(results.get(0).get("verdict").asText()).isEqualTo("VIOLATED");
        assertThat(results.get(1).get("name").asText()).isEqualTo(TWO_WRITERS);
        assertThat(results.get(1).get("expected").asText()).isEqualToIgnoringCase("holds");
        assertThat(results.get(1).get("verdict").asText()).isEqualTo("HOLDS");
    }

    @Test
    void violatedResult_carriesFailureKindMessageAndSchedule() {
        // A violation is only useful to a tool if it says what went wrong and how to replay it.
        JsonNode result = CliRun.of("check", NO_RECOVERY, "--json").singleJson();

        assertThat(result.get("verdict").asText()).isEqualTo("VIOLATED");
        assertThat(result.path("failure").path("kind").asText()).isNotBlank();
        assertThat(result.path("failure").path("message").asText()).isNotBlank();
        assertThat(result.path("schedule").asText()).isNotBlank();
    }

    @Test
    void noNames_checksEveryListedScenario_eachAsExpected_exitsZero() {
        // With no name, check runs every shipped scenario; each shipped scenario's expectation is
        // what the exhaustive search proves, so every verdict equals the listed expectation.
        Map<String, String> listed = ListedScenarios.expectations();

        CliRun run = CliRun.of("check", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<JsonNode> results = run.jsonLines();
        results.forEach(CheckJsonOutputTest::assertResultShape);
        assertThat(results).extracting(r -> r.get("name").asText())
                .containsExactlyInAnyOrderElementsOf(listed.keySet());
        assertThat(results).allSatisfy(r -> {
            String name = r.get("name").asText();
            assertThat(r.get("expected").asText()).as(name).isEqualToIgnoringCase(listed.get(name));
            assertThat(r.get("verdict").asText()).as(name)
                    .isEqualTo(listed.get(name).toUpperCase(Locale.ROOT));
        });
    }

    @Test
    void exampleName_checksAllOfItsScenarios() {
        // An example name stands for all of its scenarios, so the count equals the number of
        // replicated-disk lines that list prints.
        List<String> listed = ListedScenarios.names().stream()
                .filter(n -> n.startsWith("replicated-disk/")).toList();

        CliRun run = CliRun.of("check", "replicated-disk", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.jsonLines()).extracting(r -> r.get("name").asText())
                .containsExactlyInAnyOrderElementsOf(listed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "pct"})
    void samplingStrategyOnCorrectScenario_isInconclusiveNotHolds_exitsOne(String strategy) {
        // Random and PCT sample executions; finding no failure in 200 of them proves nothing, so
        // the verdict is INCONCLUSIVE (never HOLDS), which differs from "holds", hence exit 1.
        // Neither strategy abandons executions, so the whole budget of 200 is counted.
        CliRun run = CliRun.of("check", WRITE_READ, "--strategy", strategy, "--executions", "200", "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode result = run.singleJson();
        assertResultShape(result);
        assertThat(result.get("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(result.get("executions").asLong()).isEqualTo(200);
    }

    @Test
    void exhaustiveSearchCutByExecutionBudget_isInconclusive_exitsOne() {
        // write-read needs about three thousand executions to cover every interleaving, crash and
        // disk failure; stopping after 10 leaves most unexplored, so it cannot claim HOLDS.
        CliRun run = CliRun.of("check", WRITE_READ, "--executions", "10", "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode result = run.singleJson();
        assertThat(result.get("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(result.get("executions").asLong()).isLessThanOrEqualTo(10);
    }

    @Test
    void exhaustiveSearchCutByTinyTimeBudget_isInconclusive_exitsOne() {
        // The full write-read search runs thousands of simulated executions (tens of milliseconds
        // even when warm); a millisecond cannot cover them, so the time budget always cuts it.
        CliRun run = CliRun.of("check", WRITE_READ, "--seconds", "0.001", "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.singleJson().get("verdict").asText()).isEqualTo("INCONCLUSIVE");
    }

    @Test
    void brokenScenarioWithoutCrashes_holds_exitsOne() {
        // no-recovery is only wrong after a crash; with --max-crashes 0 the bug is out of reach,
        // so the search proves HOLDS within these bounds, which differs from "violated": exit 1.
        CliRun run = CliRun.of("check", NO_RECOVERY, "--max-crashes", "0", "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode result = run.singleJson();
        assertThat(result.get("verdict").asText()).isEqualTo("HOLDS");
        assertThat(result.get("bounds").asText()).contains("crashes<=0");
    }

    @Test
    void oneScenarioNotAsExpected_amongOthers_exitsOne() {
        // The exit code summarises all scenarios: one mismatch (the cut-off write-read) is enough
        // for 1 even though racy-cache is as expected (its data race shows in the first execution
        // the exhaustive search tries, well within the budget).
        CliRun run = CliRun.of("check", "replicated-disk/racy-cache", WRITE_READ, "--executions", "10", "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.jsonLines()).extracting(r -> r.get("verdict").asText())
                .containsExactly("VIOLATED", "INCONCLUSIVE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "pct"})
    void samplingStrategyOnBrokenScenario_findsTheViolation(String strategy) {
        // Every broken scenario is a known-bad fixture: sampling with a fixed seed and a budget far
        // above what it needs (about two thousand executions) must still catch no-recovery.
        CliRun run = CliRun.of("check", NO_RECOVERY, "--strategy", strategy, "--seed", "7",
                "--executions", "50000", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode result = run.singleJson();
        assertThat(result.get("verdict").asText()).isEqualTo("VIOLATED");
        assertThat(result.path("schedule").asText()).isNotBlank();
    }

    @Test
    void sameSeedOneWorker_sameSearch() {
        // Everything random derives from the seed; with one worker nothing else varies, so two runs
        // try the same executions and report the same counterexample.
        String[] args = {"check", NO_RECOVERY, "--strategy", "random", "--seed", "7", "--workers", "1",
                "--executions", "50000", "--json"};

        JsonNode first = CliRun.of(args).singleJson();
        JsonNode second = CliRun.of(args).singleJson();

        assertThat(second.get("executions").asLong()).isEqualTo(first.get("executions").asLong());
        assertThat(second.get("schedule").asText()).isEqualTo(first.get("schedule").asText());
    }

    @Test
    void executionBudgetEqualToTheWholeSearch_stillHolds() {
        // --executions N stops the search after N executions; a search that needs exactly N has
        // not been stopped early, so it proves HOLDS just as an unbounded one does.
        JsonNode full = CliRun.of("check", "replicated-disk/bench-2x2", "--json").singleJson();
        long size = full.get("executions").asLong() + full.path("abandoned").asLong();

        CliRun run = CliRun.of("check", "replicated-disk/bench-2x2", "--executions", Long.toString(size), "--json");

        assertThat(run.singleJson().get("verdict").asText()).isEqualTo("HOLDS");
        assertThat(run.exitCode()).isZero();
    }

    /** The fields every result has, whatever its verdict. */
    static void assertResultShape(JsonNode r) {
        assertThat(r.path("name").isTextual()).as("name in %s", r).isTrue();
        assertThat(r.path("expected").isTextual()).as("expected in %s", r).isTrue();
        assertThat(r.path("verdict").asText()).as("verdict in %s", r).isIn("HOLDS", "VIOLATED", "INCONCLUSIVE");
        assertThat(r.path("executions").isIntegralNumber()).as("executions in %s", r).isTrue();
        assertThat(r.path("seconds").isNumber()).as("seconds in %s", r).isTrue();
        assertThat(r.path("bounds").isTextual()).as("bounds in %s", r).isTrue();
        if (r.path("verdict").asText().equals("VIOLATED")) {
            assertThat(r.path("failure").path("kind").isTextual()).as("failure.kind in %s", r).isTrue();
            assertThat(r.path("failure").path("message").isTextual()).as("failure.message in %s", r).isTrue();
            assertThat(r.path("schedule").isTextual()).as("schedule in %s", r).isTrue();
        }
    }
}
