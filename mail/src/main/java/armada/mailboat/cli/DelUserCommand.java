package armada.mailboat.cli;

import armada.mailboat.users.UserStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailboat deluser --data DIR NAME}: the user can no longer log in or receive mail; the Maildir stays. */
@Command(name = "deluser", mixinStandardHelpOptions = true, description = "Removes a user from the password file. "
        + "A running server refuses their mail and logins at once. Their Maildir (and mail) stays on disk.")
final class DelUserCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The data directory.")
    Path data = Path.of(".");

    @Parameters(paramLabel = "NAME", description = "The user name.")
    String name = "";

    @Override
    public Integer call() throws IOException {
        UserStore.open(data).remove(name);
        spec.commandLine().getOut().println("removed " + name + " (the Maildir " + data.resolve(name) + " is kept)");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
