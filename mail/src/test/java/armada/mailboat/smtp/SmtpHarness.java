package armada.mailboat.smtp;

import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.mailboat.TestUsers;
import armada.mailboat.UserLocks;
import armada.mailboat.config.ServerConfig;
import armada.mailboat.net.Listener;
import armada.mailboat.net.ListenerLimits;
import armada.mailboat.store.Mailboxes;
import armada.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * An SMTP server on 127.0.0.1, port 0, delivering into Maildirs in a temporary directory on the
 * real World, with users alice, bob, carol and postmaster (password: the name and
 * {@code -password}), and a fixed clock so Received headers can be compared byte for byte.
 */
final class SmtpHarness implements AutoCloseable {

    static final List<String> USERS = List.of("alice", "bob", "carol", "postmaster");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);
    /** The date {@link #CLOCK} gives, as the Received header writes it. */
    static final String DATE = "Thu, 2 Jan 2025 03:04:05 +0000";

    private final Path root;
    private final Mailboxes mailboxes;
    private final Listener listener;

    private SmtpHarness(Path root, ServerConfig config, UnaryOperator<Mailboxes.Builder> options,
            UnaryOperator<SmtpServer> tweak) throws IOException {
        this.root = root;
        this.mailboxes = options.apply(Mailboxes.builder(root, TestUsers.write(root, passwords()))
                .postmaster(config.postmaster()).quota(config.quota())).open();
        try {
            SmtpServer server = tweak.apply(new SmtpServer(config, mailboxes, CLOCK));
            this.listener = new Listener(config.smtp(), server, limits(config));
        } catch (IOException | RuntimeException e) {
            mailboxes.close();
            throw e;
        }
    }

    /** Each user's password: the name and {@code -password}. */
    static Map<String, String> passwords() {
        Map<String, String> p = new LinkedHashMap<>();
        for (String u : USERS) {
            p.put(u, u + "-password");
        }
        return p;
    }

    static ListenerLimits limits(ServerConfig config) {
        return new ListenerLimits(config.maxConnections(), config.maxPerClient(), config.idleTimeout(),
                config.sessionTimeout());
    }

    static SmtpHarness start(Path root, ServerConfig config) throws IOException {
        return start(root, config, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** With the mailboxes' options changed (a failing file system) and the server changed (TLS required). */
    static SmtpHarness start(Path root, ServerConfig config, UnaryOperator<Mailboxes.Builder> options,
            UnaryOperator<SmtpServer> tweak) throws IOException {
        return new SmtpHarness(root, config, options, tweak);
    }

    /** With a mail library of the test's making. */
    static UnaryOperator<Mailboxes.Builder> library(Mailboxes.Library open) {
        return b -> b.library(open);
    }

    static UnaryOperator<Mailboxes.Builder> defaultLibrary() {
        return library((w, l, r) -> Mailboat.openUnder(w, MailboatConfig.DEFAULT, r, l));
    }

    Mailboxes mailboxes() {
        return mailboxes;
    }

    Path root() {
        return root;
    }

    /**
     * Hostname mx.test, domains localhost and example.test, 30 s idle timeout, 10 MiB
     * messages, 5 recipients, 20 errors, and the given TLS context.
     */
    static ServerConfig config(@Nullable SSLContext tls) {
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        return new ServerConfig(any, any, "mx.test", List.of("localhost", "example.test"), 10,
                Duration.ofSeconds(30), Duration.ofMinutes(2), 10L * 1024 * 1024, 5, 20, Duration.ZERO, tls, true);
    }

    static ServerConfig config() {
        return config(null);
    }

    /** {@code config} with other limits, the rest unchanged. */
    static ServerConfig limits(ServerConfig config, Duration idle, long maxSize, int maxRecipients, int maxErrors) {
        return config.withLimits(config.maxConnections(), idle, maxSize, maxRecipients, maxErrors,
                config.authFailureDelay());
    }

    InetSocketAddress address() {
        return listener.address();
    }

    SmtpClient connect() throws IOException {
        return new SmtpClient(address());
    }

    /** The files in {@code user/new}, by name. */
    List<byte[]> inbox(String user) {
        return files(user + "/new");
    }

    /** The files in {@code user/tmp}. */
    List<byte[]> temporary(String user) {
        return files(user + "/tmp");
    }

    private List<byte[]> files(String dir) {
        try (Stream<Path> s = Files.list(root.resolve(dir))) {
            List<byte[]> out = new ArrayList<>();
            for (Path p : s.sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            listener.close();
            listener.awaitIdle(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            mailboxes.close();
        }
    }
}
