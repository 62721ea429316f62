package armada.mailboat.cli;

import armada.mailboat.users.UserStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailboat passwd --data DIR NAME}: the new password is one line on standard input. */
@Command(name = "passwd", mixinStandardHelpOptions = true, description = "Gives a user a new password, read (one line) "
        + "from standard input. A running server takes it at once.")
final class PasswdCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The data directory.")
    Path data = Path.of(".");

    @Option(names = "--min-password-length", defaultValue = "" + PasswordInput.DEFAULT_MIN_LENGTH,
            description = "The shortest password taken (default ${DEFAULT-VALUE}).")
    int minLength;

    @Parameters(paramLabel = "NAME", description = "The user name.")
    String name = "";

    @Override
    public Integer call() throws IOException {
        char[] password = PasswordInput.read(System.in, minLength);
        try {
            UserStore.open(data).setPassword(name, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        spec.commandLine().getOut().println("changed the password of " + name);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
