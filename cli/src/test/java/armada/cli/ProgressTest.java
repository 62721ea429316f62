package armada.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Progress of a search goes to stderr, live on a terminal, as plain lines otherwise, never into stdout. */
class ProgressTest {

    private static final String SCENARIO = "replicated-disk/write-read";

    @Test
    void plainProgress_linesOnStderr_jsonStaysClean() {
        // Not a terminal: whole lines, here one per report (interval 0). The search reports after
        // its first execution, so there is at least one; stdout holds only the JSON verdict.
        CliRun run = CliRun.of("check", SCENARIO, "--json", "--progress", "plain", "--progress-interval", "0");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.singleJson().get("verdict").asText()).isEqualTo("HOLDS");
        assertThat(run.errLines()).isNotEmpty().allSatisfy(l -> assertThat(l)
                .matches("armada: " + SCENARIO + ": [0-9,]+ executions \\([0-9,]+/s\\), depth [0-9]+, [0-9,]+ crashes"
                        + "(, subtrees searched [0-9,]+ of [0-9,]+\\+?)?; nearest bound: .+ \\([0-9]+%\\)"));
    }

    @Test
    void dividedSearch_progressCountsSubtreesSearchedOfThoseMet() {
        // The exhaustive search divides its tree below a top of branching points; progress says
        // how many subtrees are searched of those met so far ('+': the top is not all walked yet).
        // The spin-lock counter's search takes a few thousand executions, long enough for several reports.
        CliRun run = CliRun.of("check", "spinlock/counter", "--json", "--progress", "plain", "--progress-interval", "0",
                "--workers", "1");

        java.util.regex.Pattern p = java.util.regex.Pattern.compile("subtrees searched ([0-9,]+) of ([0-9,]+)(\\+?);");
        int lastMet = 0;
        int shown = 0;
        for (String line : run.errLines()) {
            java.util.regex.Matcher m = p.matcher(line);
            if (m.find()) {
                int searched = Integer.parseInt(m.group(1).replace(",", ""));
                int met = Integer.parseInt(m.group(2).replace(",", ""));
                assertThat(searched).as(line).isLessThanOrEqualTo(met);
                assertThat(met).as("subtrees met never go down: " + line).isGreaterThanOrEqualTo(lastMet);
                lastMet = met;
                shown++;
            }
        }
        assertThat(shown).as(run.err()).isPositive();
        assertThat(lastMet).isGreaterThan(1);
    }

    @Test
    void terminalProgress_rewritesOneLineAndClearsIt() {
        // On a terminal the line is rewritten in place (carriage return, no line feed) and blanked
        // before the verdict, so the table is not interleaved with stale progress.
        CliRun run = CliRun.of("check", SCENARIO, "--progress", "terminal");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).startsWith("\r" + SCENARIO + ": ").doesNotContain("\n").endsWith("\r");
        assertThat(run.err().strip()).contains("executions").contains("nearest bound");
    }

    @Test
    void noProgress_stderrEmpty() {
        CliRun run = CliRun.of("check", SCENARIO, "--progress", "none");

        // Asked for none: nothing on stderr at all.
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void nearestBound_executionBudget_isNamedWithItsShare() {
        // With an execution budget of 1 the search stops at once: the budget is the bound it hit
        // (100%), not the time or the step bound, which it is far from.
        CliRun run = CliRun.of("check", SCENARIO, "--executions", "1", "--progress", "plain",
                "--progress-interval", "0");

        assertThat(run.err()).contains("nearest bound: executions 1 of 1 (100%)");
    }
}
