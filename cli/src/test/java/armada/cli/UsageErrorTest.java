package armada.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Usage errors exit with 2 and say what is wrong on stderr in one line, without a stack trace and
 * without printing anything on stdout (which tools parse).
 */
class UsageErrorTest {

    @ParameterizedTest(name = "armada {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # arguments (space-separated)                                        | text the message must contain
            check nope                                                           | nope
            check replicated-disk/no-recovery no-such/scenario --json             | no-such/scenario
            check replicated-disk/write-read --strategy foo                      | foo
            check replicated-disk/write-read --executions -1                     | --executions
            check replicated-disk/write-read --executions abc                    | abc
            check --replay t0                                                    | --replay
            check replicated-disk/no-recovery replicated-disk/two-writers --replay t0 | --replay
            check replicated-disk --replay t0                                    | --replay
            check replicated-disk/no-recovery --replay x.y                       | 'x'
            check replicated-disk/no-recovery --replay x.y --json                 | 'x'
            check replicated-disk/no-recovery --replay t7                        | t7
            check replicated-disk/no-recovery --replay                           | --replay
            ""                                                                     | list, check, merge or history
            chek                                                                 | did you mean check?
            check replicated-disk/write-read --jsn                               | did you mean --json?
            check replicated-disk/write-read --progress loud                     | loud
            check replicated-disk/write-read --fail-on never                     | never
            """)
    void usageError_oneLineOnStderrNoStackTrace_exitsTwo(String arguments, String mentioned) {
        // Each of these is a mistake on the command line (unknown name or strategy, a negative or
        // malformed number, --replay without exactly one scenario, a schedule that does not parse
        // or names a thread the scenario does not have, a misspelt command or option, which gets
        // picocli's suggestion), not a verdict: exit 2, and a person reads
        // the reason on stderr, while stdout stays empty for tools.
        String[] args = arguments.isBlank() ? new String[0] : arguments.trim().split("\\s+");

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).as(run.toString()).isEmpty();
        List<String> message = run.errLines();
        assertThat(message).as(run.toString()).hasSize(1);
        assertThat(message.getFirst()).startsWith("armada: ").contains(mentioned);
        assertThat(run.err()).as(run.toString()).doesNotContain("Exception").doesNotContainPattern("(?m)^\\s+at ");
    }
}
