package armada.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --html DIR}: a timeline page per history ({@code armada history}) and per counterexample ({@code armada check}). */
class HtmlPagesTest {

    @TempDir
    Path dir;

    @Test
    void history_html_writesOnePagePerFile_namedInTheOutput() throws IOException {
        Path log = dir.resolve("run.log");
        Files.writeString(log, "INFO  jepsen.util - 0\t:invoke\t:write\t1\nINFO  jepsen.util - 0\t:ok\t:write\t1\n"
                + "INFO  jepsen.util - 1\t:invoke\t:read\tnil\nINFO  jepsen.util - 1\t:ok\t:read\tnil\n");
        Path pages = dir.resolve("pages");

        CliRun run = CliRun.of("history", "--model", "cas-register", "--json", "--html", pages.toString(), log.toString());

        Path page = pages.resolve("run.log.html");
        assertThat(run.singleJson().get("html").asText()).isEqualTo(page.toString());
        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("NOT_LINEARIZABLE").contains("<g class=\"unplaced\"")
                .contains("client 1");
    }

    @Test
    void check_html_writesTheCounterexampleAsATimeline() throws IOException {
        // The replicated disk without recovery loses a write a crash cut off: the page shows the
        // refinement failure, the replay command, and the history checker's view of the same history.
        CliRun run = CliRun.of("check", "replicated-disk/no-recovery", "--html", dir.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String html = Files.readString(dir.resolve("replicated-disk_no-recovery.html"));
        assertThat(html).contains("replicated-disk/no-recovery (counterexample)").contains("not-refinement")
                .contains("./armada check replicated-disk/no-recovery --replay ").contains("NOT_LINEARIZABLE")
                .contains("<g class=\"crash\">").contains("thread 0");
    }
}
