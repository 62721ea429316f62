package armada.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --classpath}: the CLI lists, checks and replays scenarios of a user's own compiled code. */
class UserClassPathTest {

    private static final Pattern REPLAY = Pattern.compile("replay: +(\\./armada check .*)");

    @TempDir
    static Path project;

    static Path classes;

    @BeforeAll
    static void compileUserProject() {
        classes = UserProject.compile(project);
    }

    @Test
    void list_withClassPath_showsOnlyTheUsersScenarios() {
        // The services file of the user's classes lists one source; the shipped examples are on the
        // CLI's own class path but not on the one given, so they are left out.
        CliRun run = CliRun.of("list", "--classpath", classes.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).containsExactly("count/locked\tholds", "count/racy\tholds",
                "count/racy-declared\tviolated");
    }

    @Test
    void check_withClassPath_replayLineIncludesItAndReplays() throws IOException {
        // The racy counter fails; the printed replay line must find the scenario again, so it
        // carries --classpath, and run as printed it shows the same failure.
        Path jar = UserProject.jar(classes, project.resolve("count.jar"));
        CliRun run = CliRun.of("check", "--classpath", jar.toString(), "count/racy");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("failure: data-race");
        Matcher m = REPLAY.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        String line = m.group(1);
        assertThat(line).startsWith("./armada check count/racy --classpath " + jar + " --replay ");

        List<String> args = new ArrayList<>(List.of(line.substring("./armada ".length()).split(" ")));
        CliRun replayed = CliRun.of(args.toArray(String[]::new));
        assertThat(replayed.exitCode()).as(replayed.toString()).isEqualTo(1);
        assertThat(replayed.out()).contains("VIOLATED", "failure: data-race", line);
        Files.delete(jar);
    }

    @Test
    void classPath_joinedAndRepeated_allEntriesCount() throws IOException {
        // ':' joins entries, and the option repeats: every entry is on the class path. The first
        // directory has only a services file, naming a class that the third entry holds.
        Path services = project.resolve("services-only");
        Files.createDirectories(services.resolve("META-INF/services"));
        Files.writeString(services.resolve(Catalog.SERVICES), "com.example.count.CountScenarios\n",
                StandardCharsets.UTF_8);
        Path empty = Files.createDirectories(project.resolve("empty"));

        CliRun joined = CliRun.of("list", "--classpath", services + ":" + empty, "--classpath", classes.toString());

        assertThat(joined.exitCode()).as(joined.toString()).isZero();
        // Both services files name the one source: it counts once.
        assertThat(joined.outLines()).hasSize(3);
    }

    @Test
    void check_failOnDefault_expectedVerdictsExitZero() {
        // The default --fail-on is "unexpected": the locked counter holds and the declared broken
        // variant fails as declared, so every verdict is the expected one.
        CliRun run = CliRun.of("check", "--classpath", classes.toString(), "count/locked", "count/racy-declared");

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void check_failOnViolated_expectedViolationExitsOne() {
        // --fail-on violated: any VIOLATED verdict fails the run, expected or not.
        CliRun run = CliRun.of("check", "--classpath", classes.toString(), "count/racy-declared",
                "--fail-on", "violated");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    }

    @Test
    void check_inconclusive_failsByDefaultAndWithInconclusive_notWithViolatedOnly() {
        // One execution of several is INCONCLUSIVE: not the expected HOLDS (default: exit 1), not a
        // violation (--fail-on violated: exit 0), an inconclusive one (--fail-on inconclusive: 1).
        String cp = classes.toString();
        CliRun byDefault = CliRun.of("check", "--classpath", cp, "count/locked", "--executions", "1");
        CliRun violatedOnly = CliRun.of("check", "--classpath", cp, "count/locked", "--executions", "1",
                "--fail-on", "violated");
        CliRun inconclusive = CliRun.of("check", "--classpath", cp, "count/locked", "--executions", "1",
                "--fail-on", "violated,inconclusive");

        assertThat(byDefault.exitCode()).as(byDefault.toString()).isEqualTo(1);
        assertThat(byDefault.out()).contains("count/locked: INCONCLUSIVE after 1 executions in ")
                .contains("because the execution budget (1) ran out");
        assertThat(violatedOnly.exitCode()).as(violatedOnly.toString()).isZero();
        assertThat(inconclusive.exitCode()).as(inconclusive.toString()).isEqualTo(1);
    }

    @Test
    void badClassPath_oneLineError_exitsTwo() throws IOException {
        // A missing path, a plain file, and a class path without a services file are mistakes on
        // the command line: one line each, no stack trace.
        Path text = Files.writeString(project.resolve("notes.txt"), "x", StandardCharsets.UTF_8);
        Path bare = Files.createDirectories(project.resolve("bare"));
        for (String[] args : List.of(new String[] {"list", "--classpath", project.resolve("nope").toString()},
                new String[] {"list", "--classpath", text.toString()},
                new String[] {"check", "--classpath", bare.toString()},
                new String[] {"check", "--classpath", classes.toString(), "--fail-on", "sometimes"})) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.errLines()).as(run.toString()).hasSize(1);
            assertThat(run.err()).startsWith("armada: ").doesNotContain("Exception");
        }
    }

    @Test
    void sourceThatCannotLoad_oneLineError_exitsTwo() throws IOException {
        // A services file naming a class that is not there: the user forgot part of the class path.
        Path broken = project.resolve("broken");
        Files.createDirectories(broken.resolve("META-INF/services"));
        Files.writeString(broken.resolve(Catalog.SERVICES), "com.example.Missing\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.of("list", "--classpath", broken.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("com.example.Missing").contains("--classpath");
    }

    @Test
    void insideMavenProject_withoutClassPath_usesTargetClasses() throws Exception {
        // Run where a user runs it, in the project directory: target/classes lists the sources, so
        // no --classpath is needed, and the replay line names the one that was used.
        Files.writeString(project.resolve("pom.xml"), "<project/>\n", StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "check", "count/racy")
                .directory(project.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(p.exitValue()).as(out).isEqualTo(1);
        assertThat(out).contains("failure: data-race")
                .contains("./armada check count/racy --classpath target/classes --replay ");
    }
}
