package armada.mailboat.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./mailboat}. Exit codes: 0 ok, 1 a torture run found a loss, 2 usage or setup error. */
@Command(name = "mailboat", mixinStandardHelpOptions = true, version = "mailboat 0.1.0",
        description = "A Maildir mail server (SMTP and POP3) whose mail library is checked by Armada.",
        subcommands = {AddUserCommand.class, DelUserCommand.class, PasswdCommand.class, ServeCommand.class,
                TortureCommand.class, BenchCommand.class, SmtpLoadCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: adduser, deluser, passwd, serve, torture, bench or smtp-load");
    }

    public static void main(String[] args) {
        int code = execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command line and returns its exit code (serve returns only when stopped). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("mailboat: " + ex.getMessage() + " (mailboat --help shows the usage)");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("mailboat: " + ex.getMessage());
            return 2;
        });
        return cl.execute(args);
    }
}
