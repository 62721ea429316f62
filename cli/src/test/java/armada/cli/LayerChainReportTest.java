package armada.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A chain of layer checks is reported after the table once every one of its links was checked in
 * the run: each link's verdict, and the composed claim (CSPEC's transitivity of trace inclusion).
 */
class LayerChainReportTest {

    @Test
    void allLinksChecked_chainAndComposedVerdictAreReported() {
        CliRun run = CliRun.of("check", "tso-counter/counter-on-lock", "tso-counter/lock-on-tso", "--progress", "none");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("layer chain counter <- lock <- tso:")
                .containsPattern("counter on lock: tso-counter/counter-on-lock HOLDS \\([0-9]+ executions\\)")
                .containsPattern("lock on tso: tso-counter/lock-on-tso HOLDS \\([0-9]+ executions\\)")
                .contains("composed: counter on tso HOLDS by transitivity of trace inclusion");
    }

    @Test
    void aLinkNotChecked_noChainIsClaimed() {
        CliRun run = CliRun.of("check", "tso-counter/counter-on-lock", "--progress", "none");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).doesNotContain("layer chain").doesNotContain("composed:");
    }
}
