package armada.mailboat.cli;

import armada.mailboat.server.MailServer;
import armada.mailboat.server.ServerConfig;
import armada.mailboat.server.Tls;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mailboat serve}: recovers the data directory, listens, prints {@code ready ...}, and
 * serves until SIGTERM or SIGINT, on which it shuts down cleanly.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serves SMTP and POP3 for the users of a data directory.")
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The data directory.")
    Path data = Path.of(".");

    @Option(names = "--smtp", defaultValue = "127.0.0.1:2525", paramLabel = "HOST:PORT",
            description = "SMTP address (default ${DEFAULT-VALUE}; port 0 picks a free one).")
    String smtp = "127.0.0.1:2525";

    @Option(names = "--pop3", defaultValue = "127.0.0.1:2110", paramLabel = "HOST:PORT",
            description = "POP3 address (default ${DEFAULT-VALUE}).")
    String pop3 = "127.0.0.1:2110";

    @Option(names = "--domain", paramLabel = "NAME", description = "A mail domain served (repeatable; default localhost).")
    List<String> domains = new ArrayList<>();

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS12 or JKS keystore for STARTTLS and STLS.")
    @Nullable Path keystore;

    @Option(names = "--tls-password-file", paramLabel = "FILE", description = "File holding the keystore's password.")
    @Nullable Path passwordFile;

    @Option(names = "--max-connections", defaultValue = "1000", description = "Connections at once (default ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--max-message-size", defaultValue = "10485760", description = "Octets (default ${DEFAULT-VALUE}).")
    long maxMessageSize;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ServerConfig config = config();
        if (!Files.isDirectory(data)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no data directory " + data
                    + " (mailboat adduser --data " + data + " NAME creates it)");
        }
        MailServer server;
        try {
            server = MailServer.start(data, config);
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            spec.commandLine().getErr().println("mailboat: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("mailboat: shutdown: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "mailboat-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.println(server.readyLine());
        out.flush();
        stopped.await();
        return 0;
    }

    private ServerConfig config() {
        List<String> served = new ArrayList<>();
        for (String d : domains.isEmpty() ? List.of("localhost") : domains) {
            if (!d.matches("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "'" + d + "' is not a domain name");
            }
            served.add(d.toLowerCase(Locale.ROOT));
        }
        if ((keystore == null) != (passwordFile == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--tls-keystore and --tls-password-file go together");
        }
        try {
            ServerConfig c = ServerConfig.defaults()
                    .withPorts(Addresses.parse("--smtp", smtp), Addresses.parse("--pop3", pop3))
                    .withDomains(served);
            c = c.withLimits(maxConnections, c.idleTimeout(), maxMessageSize, c.maxRecipients(), c.maxErrors(),
                    c.authFailureDelay());
            if (keystore != null && passwordFile != null) {
                c = c.withTls(Tls.load(keystore, passwordFile));
            }
            return c;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
