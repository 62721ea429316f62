package armada.mailboat.cli;

import armada.mailboat.config.ConfigFile;
import armada.mailboat.config.Settings;
import armada.mailboat.log.LogSetup;
import armada.mailboat.server.MailServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mailboat serve}: recovers the data directory, listens, prints {@code ready ...}, and
 * serves until SIGTERM or SIGINT, on which it tells open sessions it is going (421), drains them
 * for at most the drain timeout, and exits. Settings come from {@code --config FILE} (see
 * {@link ConfigFile}) and the options, an option winning over the file.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serves SMTP, POP3 and (with --submission) authenticated submission for the users of a data directory.")
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "A key = value file with any of the settings below "
            + "(keys are the option names without dashes; options given here win).")
    @Nullable Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "The data directory.")
    @Nullable String data;

    @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "SMTP address (default 127.0.0.1:2525; port 0 picks a free one).")
    @Nullable String smtp;

    @Option(names = "--pop3", paramLabel = "HOST:PORT", description = "POP3 address (default 127.0.0.1:2110).")
    @Nullable String pop3;

    @Option(names = "--submission", paramLabel = "HOST:PORT",
            description = "Submission address (AUTH PLAIN/LOGIN after STARTTLS; needs --tls-keystore). Default: none.")
    @Nullable String submission;

    @Option(names = "--hostname", paramLabel = "NAME", description = "The name in greetings and Received headers (default localhost).")
    @Nullable String hostname;

    @Option(names = "--domain", paramLabel = "NAME", description = "A mail domain served (repeatable; default localhost).")
    List<String> domains = new ArrayList<>();

    @Option(names = "--postmaster", paramLabel = "USER", description = "The user who gets mail for postmaster (RFC 5321 4.5.1).")
    @Nullable String postmaster;

    @Option(names = "--max-connections", paramLabel = "N", description = "Connections per service at once (default 1000).")
    @Nullable String maxConnections;

    @Option(names = "--max-connections-per-client", paramLabel = "N",
            description = "Connections per client address and service at once (default 20).")
    @Nullable String maxPerClient;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", description = "Silence before a client is dropped (default 5m).")
    @Nullable String idleTimeout;

    @Option(names = "--session-timeout", paramLabel = "DURATION", description = "Longest connection (default 1h).")
    @Nullable String sessionTimeout;

    @Option(names = "--drain-timeout", paramLabel = "DURATION",
            description = "At SIGTERM, how long open sessions may take to finish (default 30s).")
    @Nullable String drainTimeout;

    @Option(names = "--max-message-size", paramLabel = "SIZE", description = "Octets, or with k/M/G (default 10M).")
    @Nullable String maxMessageSize;

    @Option(names = "--max-recipients", paramLabel = "N", description = "Recipients per message (default 100).")
    @Nullable String maxRecipients;

    @Option(names = "--max-errors", paramLabel = "N", description = "Error replies before a session is closed (default 10).")
    @Nullable String maxErrors;

    @Option(names = "--auth-failure-delay", paramLabel = "DURATION", description = "Pause before each failed login (default 1s).")
    @Nullable String authFailureDelay;

    @Option(names = "--quota", paramLabel = "SIZE", description = "Most a mailbox may hold, e.g. 500M; 0 for none (default 0).")
    @Nullable String quota;

    @Option(names = "--message-buffer", paramLabel = "SIZE", description = "Most message data all SMTP sessions may "
            + "hold in memory at once, e.g. 256M; a transaction past it gets 452 4.3.1 (default a quarter of the heap).")
    @Nullable String messageBuffer;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS12 or JKS keystore for STARTTLS and STLS.")
    @Nullable String keystore;

    @Option(names = "--tls-password-file", paramLabel = "FILE", description = "File holding the keystore's password.")
    @Nullable String passwordFile;

    @Option(names = "--trust-loopback", paramLabel = "BOOL",
            description = "Let loopback clients log in to POP3 without STLS when TLS is offered (default true).")
    @Nullable String trustLoopback;

    @Option(names = "--log-format", paramLabel = "FORMAT", description = "text (key=value, default) or json (one object a line).")
    @Nullable String logFormat;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Settings settings;
        try {
            settings = Settings.of(values());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        LogSetup.configure(settings.logFormat());
        Path dir = settings.data();
        if (!Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no data directory " + dir
                    + " (mailboat adduser --data " + dir + " NAME creates it)");
        }
        MailServer server;
        try {
            server = MailServer.start(dir, settings.server());
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

    /** The file's settings, then the options given, by key. */
    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        if (config != null) {
            values.putAll(ConfigFile.read(config));
        }
        put(values, "data", data);
        put(values, "smtp", smtp);
        put(values, "pop3", pop3);
        put(values, "submission", submission);
        put(values, "hostname", hostname);
        put(values, "domain", domains.isEmpty() ? null : String.join(",", domains));
        put(values, "postmaster", postmaster);
        put(values, "max-connections", maxConnections);
        put(values, "max-connections-per-client", maxPerClient);
        put(values, "idle-timeout", idleTimeout);
        put(values, "session-timeout", sessionTimeout);
        put(values, "drain-timeout", drainTimeout);
        put(values, "max-message-size", maxMessageSize);
        put(values, "max-recipients", maxRecipients);
        put(values, "max-errors", maxErrors);
        put(values, "auth-failure-delay", authFailureDelay);
        put(values, "quota", quota);
        put(values, "message-buffer", messageBuffer);
        put(values, "tls-keystore", keystore);
        put(values, "tls-password-file", passwordFile);
        put(values, "trust-loopback", trustLoopback);
        put(values, "log-format", logFormat);
        return values;
    }

    private static void put(Map<String, String> values, String key, @Nullable String value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
