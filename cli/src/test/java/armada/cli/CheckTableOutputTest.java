package armada.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code armada check} without {@code --json}: a header line, then one row per scenario. */
class CheckTableOutputTest {

    private static final String NO_RECOVERY = "replicated-disk/no-recovery";
    private static final String TWO_WRITERS = "replicated-disk/two-writers";

    @Test
    void twoScenarios_headerThenOneRowEachWithNameAndVerdict_exitsZero() {
        // The table is for people, but its first lines are fixed: a header naming the columns, then
        // a row per scenario in the order they were named; both verdicts are as expected, so 0.
        CliRun run = CliRun.of("check", NO_RECOVERY, TWO_WRITERS);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lines.get(0)).contains("SCENARIO", "VERDICT").doesNotContain(NO_RECOVERY, TWO_WRITERS);
        assertThat(lines.get(1)).contains(NO_RECOVERY, "VIOLATED");
        assertThat(lines.get(2)).contains(TWO_WRITERS, "HOLDS");
    }

    @Test
    void cutOffSearch_rowShowsInconclusive_exitsOne() {
        // Ten executions cannot cover write-read, so its row says INCONCLUSIVE, not HOLDS.
        CliRun run = CliRun.of("check", "replicated-disk/write-read", "--executions", "10");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.outLines().get(1)).contains("replicated-disk/write-read", "INCONCLUSIVE")
                .doesNotContain("HOLDS");
    }

    @Test
    void violation_tableTellsHowToReplayIt() {
        // Every failure prints what replays it, so the schedule reported in JSON appears in the text.
        String schedule = CliRun.of("check", NO_RECOVERY, "--json").singleJson().get("schedule").asText();

        CliRun run = CliRun.of("check", NO_RECOVERY);

        assertThat(run.out()).contains("--replay " + schedule);
    }
}
