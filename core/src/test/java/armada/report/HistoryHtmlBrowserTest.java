package armada.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * History pages in headless Chromium (Debian's {@code chromium}; .ci/run installs it): the page
 * loads without console messages or script errors, its script ran over every linearization point,
 * and the DOM the browser built has the bars and markers. A screenshot of each page is left in
 * target/history-pages/ to look at.
 */
class HistoryHtmlBrowserTest {

    @TempDir
    Path profile;

    private static Path chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        throw new AssertionError("headless Chromium is needed for this test: apt-get install chromium (.ci/run does)");
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private Run chromium(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(args));
        Path out = profile.resolve("stdout.txt");
        Path err = profile.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int exit = p.waitFor();
        return new Run(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"crashes", "lost-write", "partitions"})
    void page_loadsWithoutConsoleErrors_andTheBrowserBuildsTheTimeline(String name) throws Exception {
        HistoryPages page = switch (name) {
            case "crashes" -> HistoryPages.crashes();
            case "lost-write" -> HistoryPages.lostWrite();
            default -> HistoryPages.partitions();
        };
        String html = page.html();
        Path dir = Files.createDirectories(Path.of("target", "history-pages"));
        Path file = dir.resolve(name + ".html").toAbsolutePath();
        Files.writeString(file, html, StandardCharsets.UTF_8);
        int points = html.split("<circle class=\"point\"", -1).length - 1;

        Run dom = chromium("--dump-dom", file.toUri().toString());
        Run shot = chromium("--hide-scrollbars", "--window-size=1200,700",
                "--screenshot=" + dir.resolve(name + ".png").toAbsolutePath(), file.toUri().toString());

        assertThat(dom.exit()).as(dom.stderr()).isZero();
        // Any console message (an error, a warning, a log) or an uncaught script error fails the page.
        assertThat(dom.stderr()).as(dom.stderr()).doesNotContain("CONSOLE").doesNotContain("Uncaught");
        // The script ran to its end, having found every point.
        assertThat(dom.stdout()).contains("data-ready=\"" + points + "\"");
        assertThat(dom.stdout().split("<g class=\"op ", -1).length - 1).isEqualTo(page.history().size());
        assertThat(dom.stdout()).contains("<svg id=\"timeline\"");
        if (name.equals("crashes")) {
            assertThat(dom.stdout()).contains("<g class=\"crash\">").contains("<g class=\"recovery\">");
        }
        assertThat(shot.exit()).as(shot.stderr()).isZero();
        assertThat(Files.size(dir.resolve(name + ".png"))).isGreaterThan(5_000);
    }
}
