package armada.mailboat.pop3;

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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A POP3 server on port 0 over Maildirs in a temporary directory on the real World, with the
 * users of {@link #PASSWORDS} (the users file is made once per JVM, {@link TestUsers}).
 */
final class Pop3Harness implements AutoCloseable {

    static final Map<String, String> PASSWORDS = Map.of("alice", "alice-pw", "bob", "bob-pw", "carol",
            "correct horse battery");
    static final Duration AUTH_DELAY = Duration.ofMillis(50);
    static final int MAX_ERRORS = 10;

    private final Path root;
    private final Mailboxes mailboxes;
    private final Pop3Server server;
    private final Listener listener;

    private Pop3Harness(Path root, ServerConfig config, InetAddress bind, Duration idle,
            Mailboxes.Library library) throws IOException {
        this.root = root;
        this.mailboxes = Mailboxes.builder(root, TestUsers.write(root, PASSWORDS)).library(library).open();
        this.server = new Pop3Server(config, mailboxes);
        this.listener = new Listener(new InetSocketAddress(bind, 0), server, new ListenerLimits(config.maxConnections(),
                config.maxPerClient(), idle, config.sessionTimeout()));
    }

    /** Hostname pop.test, 10 connections, 10 errors, a 50 ms pause after a failed login. */
    static ServerConfig config(@Nullable SSLContext tls) {
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        return new ServerConfig(any, any, "pop.test", List.of("localhost"), 10, Duration.ofSeconds(30),
                Duration.ofMinutes(2), 10L * 1024 * 1024, 5, MAX_ERRORS, AUTH_DELAY, tls, true);
    }

    static Pop3Harness start(Path root) throws IOException {
        return start(root, config(null));
    }

    static Pop3Harness start(Path root, ServerConfig config) throws IOException {
        return start(root, config, (w, l, r) -> Mailboat.openUnder(w, MailboatConfig.DEFAULT, r, l));
    }

    /** With a mail library of the test's making (a broken variant, say). */
    static Pop3Harness start(Path root, ServerConfig config, Mailboxes.Library library)
            throws IOException {
        return new Pop3Harness(root, config, InetAddress.getLoopbackAddress(), Duration.ofSeconds(30), library);
    }

    /** Listening on {@code bind}, with the listener's idle timeout {@code idle}. */
    static Pop3Harness start(Path root, ServerConfig config, InetAddress bind, Duration idle) throws IOException {
        return new Pop3Harness(root, config, bind, idle, (w, l, r) -> Mailboat.openUnder(w, MailboatConfig.DEFAULT, r, l));
    }

    Mailboxes mailboxes() {
        return mailboxes;
    }

    InetSocketAddress address() {
        return listener.address();
    }

    Pop3Server server() {
        return server;
    }

    Pop3Client connect() throws IOException {
        return new Pop3Client(address());
    }

    /** Delivers through the library, as SMTP would (the bytes as given: CRLF or LF). */
    void deliver(String user, String message) {
        if (mailboxes.deliver(user, message.getBytes(StandardCharsets.ISO_8859_1)) != Mailboxes.Outcome.DELIVERED) {
            throw new IllegalStateException("cannot deliver to " + user);
        }
    }

    /** The file names in {@code user/new}, sorted. */
    List<String> inbox(String user) {
        try (Stream<Path> s = Files.list(root.resolve(user).resolve("new"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
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
