package armada.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code ./armada}. Exit codes: 0 when no verdict fails the run ({@code --fail-on},
 * by default: every verdict is the expected one), 1 otherwise, 2 for a usage or setup error.
 */
@Command(name = "armada", mixinStandardHelpOptions = true, version = "armada 0.1.0",
        description = "Checks concurrent, crash-safe storage code against its atomic spec.",
        subcommands = {ListCommand.class, CheckCommand.class, MergeCommand.class, HistoryCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: list, check, merge or history");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** The exception's message, with picocli's suggestions for a misspelt command or option. */
    private static String message(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String word = u.getUnmatched().getFirst();
            List<String> suggestions = u.getSuggestions();
            String what = word.startsWith("-") ? "unknown option '" + word + "'" : "unknown command or argument '"
                    + word + "'";
            return suggestions.isEmpty() ? what : what + "; did you mean " + String.join(" or ", suggestions) + "?";
        }
        return String.valueOf(ex.getMessage());
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("armada: " + message(ex) + " (armada --help shows the usage)");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("armada: " + ex.getMessage());
            return 2;
        });
        return cl.execute(args);
    }
}
