package armada.mailboat.cli;

import armada.mailboat.store.Mailboxes;
import armada.mailboat.users.UserStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailboat adduser --data DIR NAME}: the password is one line on standard input. */
@Command(name = "adduser", mixinStandardHelpOptions = true, description = "Adds a user: reads the password (one line) from "
        + "standard input, stores a salted slow hash, creates the Maildir. A running server sees the user at once.")
final class AddUserCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The data directory.")
    Path data = Path.of(".");

    @Option(names = "--min-password-length", defaultValue = "" + PasswordInput.DEFAULT_MIN_LENGTH,
            description = "The shortest password taken (default ${DEFAULT-VALUE}).")
    int minLength;

    @Parameters(paramLabel = "NAME", description = "The user name: [a-z0-9][a-z0-9._-]{0,63}.")
    String name = "";

    @Override
    public Integer call() throws IOException {
        UserStore store = UserStore.open(data);
        store.checkNewName(name);
        char[] password = PasswordInput.read(System.in, minLength);
        try {
            // The Maildir first, through the mail library, durably: a running server learns of
            // the user from the file and must find a whole Maildir (else it makes one itself).
            Mailboxes.createMaildir(data, name);
            store.add(name, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        spec.commandLine().getOut().println("added " + name);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
