package armada.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import armada.tutorial.FreshProject.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * docs/TUTORIAL.md, done word for word in a fresh Maven project outside the repository: every
 * file it shows is written, every diff applied (and undone where it says so), every command run,
 * and each command's exit status and the output the document shows are checked. So the tutorial
 * cannot rot: a change to the API, the traces or the replay lines fails this test until the
 * document is brought along. README's quickstart must agree with the tutorial's project. A failure
 * leaves the project in place and says where; a pass removes it.
 */
class TutorialTest {

    private static final Path ROOT = Path.of(System.getProperty("armada.root", "..")).toAbsolutePath().normalize();

    private static String read(String path) throws IOException {
        return Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
    }

    @Test
    void tutorial_doneWordForWordInAFreshProject_everyCommandDoesWhatItShows() throws Exception {
        Script script = Script.parse(read("docs/TUTORIAL.md"));
        Path buildRepository = Path.of(System.getProperty("armada.buildRepository",
                System.getProperty("user.home") + "/.m2/repository"));
        FreshProject p = FreshProject.create(ROOT, buildRepository);
        Deque<String> undo = new ArrayDeque<>();
        Deque<String> undoPath = new ArrayDeque<>();
        @Nullable Result last = null;
        @Nullable String lastCommand = null;
        int runs = 0;
        for (Script.Step step : script.steps()) {
            switch (step) {
                case Script.WriteFile(String path, String text) -> {
                    Path f = p.file(path);
                    Files.createDirectories(f.toAbsolutePath().getParent());
                    Files.writeString(f, text, StandardCharsets.UTF_8);
                }
                case Script.Patch(String path, List<String> diff) -> {
                    String before = Files.readString(p.file(path), StandardCharsets.UTF_8);
                    Files.writeString(p.file(path), Diff.apply(before, diff), StandardCharsets.UTF_8);
                    undo.push(before);
                    undoPath.push(path);
                }
                case Script.Undo() -> {
                    assertThat(undo).as("an undo with no patch before it").isNotEmpty();
                    Files.writeString(p.file(undoPath.pop()), undo.pop(), StandardCharsets.UTF_8);
                }
                case Script.Run(String command, int exit, int line) -> {
                    last = p.run(command);
                    lastCommand = "line " + line + ": " + command.strip();
                    runs++;
                    assertThat(last.exit()).as("exit status of %s (in %s)\n%s", lastCommand, p.project,
                            String.join("\n", last.output())).isEqualTo(exit);
                }
                case Script.Output(List<String> lines, int line) -> {
                    assertThat(last).as("line %d: output shown before any command", line).isNotNull();
                    Result r = java.util.Objects.requireNonNull(last);
                    String missing = OutputMatch.firstMissing(lines, r.output());
                    assertThat(missing).as("line %d: a line shown as printed by %s (in %s) is not in its output, in"
                            + " order:\n%s\nThe line", line, lastCommand, p.project, String.join("\n", r.output()))
                            .isNull();
                }
                case Script.Shown s -> { }
            }
        }
        // A tutorial that runs nothing would pass for ever.
        assertThat(runs).isGreaterThanOrEqualTo(5);
        p.delete();
    }

    @Test
    void readmeQuickstart_isTheTutorialsProject() throws IOException {
        // The quickstart's dependency block and test are the ones the tutorial's project uses, so
        // the tutorial test covers them too.
        String tutorialFiles = String.join("\n", Script.parse(read("docs/TUTORIAL.md")).steps().stream()
                .filter(s -> s instanceof Script.WriteFile).map(s -> ((Script.WriteFile) s).text()).toList());
        List<Script.Step> quickstart = Script.parse(section(read("README.md"), "## Quickstart")).steps();

        assertThat(quickstart).isNotEmpty();
        for (Script.Step s : quickstart) {
            if (s instanceof Script.Shown(List<String> lines) && !lines.isEmpty() && !lines.getFirst().startsWith("./")) {
                assertThat(squeeze(tutorialFiles)).as("a quickstart block not in the tutorial's files:\n%s",
                        String.join("\n", lines)).contains(squeeze(String.join("\n", lines)));
            }
        }
    }

    /** The text of the section that starts with {@code heading}, to the next heading of its level. */
    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading);
        assertThat(start).as("README has a section %s", heading).isNotNegative();
        int end = markdown.indexOf("\n## ", start + 1);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
