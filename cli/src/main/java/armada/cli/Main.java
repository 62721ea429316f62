package armada.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./armada}. Exit codes: 0 as expected, 1 a verdict differs, 2 usage or setup error. */
@Command(name = "armada", mixinStandardHelpOptions = true, version = "armada 0.1.0",
        description = "Checks concurrent, crash-safe storage code against its atomic spec.",
        subcommands = {ListCommand.class, CheckCommand.class, HistoryCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: list, check or history");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("armada: " + ex.getMessage() + " (armada --help shows the usage)");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("armada: " + ex.getMessage());
            return 2;
        });
        return cl.execute(args);
    }
}
