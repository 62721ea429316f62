package armada.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code armada check NAME --replay SCHEDULE}: runs the one execution a schedule describes. */
class ReplayTest {

    private static final String NO_RECOVERY = "replicated-disk/no-recovery";

    private static JsonNode found;

    @BeforeAll
    static void findViolation() {
        found = CliRun.of("check", NO_RECOVERY, "--json").singleJson();
        assertThat(found.get("verdict").asText()).isEqualTo("VIOLATED");
    }

    @Test
    void reportedSchedule_replayedTwice_printsTheSameFailureBothTimes() {
        // A schedule fixes every decision (who runs, where the crash and the disk failure fall), so
        // the simulation is deterministic: two replays print the same text, and it is the failure
        // the search reported. It was expected, so the exit code is 0.
        String schedule = found.get("schedule").asText();

        CliRun first = CliRun.of("check", NO_RECOVERY, "--replay", schedule);
        CliRun second = CliRun.of("check", NO_RECOVERY, "--replay", schedule);

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(first.out()).contains("VIOLATED", schedule, found.path("failure").path("kind").asText());
    }

    @Test
    void reportedSchedule_replayedAsJson_isViolatedWithTheSameFailure() {
        // The replayed execution is the counterexample itself, so the JSON result is VIOLATED with
        // the same failure kind and message, and carries the schedule it replayed.
        String schedule = found.get("schedule").asText();

        CliRun run = CliRun.of("check", NO_RECOVERY, "--replay", schedule, "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode result = run.singleJson();
        CheckJsonOutputTest.assertResultShape(result);
        assertThat(result.get("name").asText()).isEqualTo(NO_RECOVERY);
        assertThat(result.get("verdict").asText()).isEqualTo("VIOLATED");
        assertThat(result.get("schedule").asText()).isEqualTo(schedule);
        assertThat(result.path("failure").path("kind").asText())
                .isEqualTo(found.path("failure").path("kind").asText());
        assertThat(result.path("failure").path("message").asText())
                .isEqualTo(found.path("failure").path("message").asText());
    }

    @Test
    void correctExecutionReplayed_saysSoAndExitsZero() {
        // "t0" lets the writer finish before anything else happens: no crash, so this execution of
        // no-recovery is correct. Replaying it succeeds (exit 0) and says so; it proves nothing
        // about the other executions, so JSON still calls the verdict INCONCLUSIVE, never HOLDS.
        CliRun table = CliRun.of("check", NO_RECOVERY, "--replay", "t0");
        CliRun json = CliRun.of("check", NO_RECOVERY, "--replay", "t0", "--json");

        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).contains("this execution is correct");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.singleJson().get("verdict").asText()).isEqualTo("INCONCLUSIVE");
    }
}
