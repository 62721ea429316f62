package armada.mailboat.pop3;

import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.mailboat.UserNames;
import armada.mailboat.server.Listener;
import armada.mailboat.server.ServerConfig;
import armada.mailboat.users.UserStore;
import armada.world.RealWorld;
import armada.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A POP3 server on port 0 over Maildirs in a temporary directory on the real World, with the
 * users of {@link #PASSWORDS}. The users file is made once per JVM (each hash costs a real
 * PBKDF2 run) and copied into each data directory.
 */
final class Pop3Harness implements AutoCloseable {

    static final Map<String, String> PASSWORDS = Map.of("alice", "alice-pw", "bob", "bob-pw", "carol",
            "correct horse battery");
    static final Duration AUTH_DELAY = Duration.ofMillis(50);
    static final int MAX_ERRORS = 10;

    private static byte @Nullable [] usersFile;

    private final Path root;
    private final RealWorld world;
    private final Mailboat mailboat;
    private final Pop3Server server;
    private final Listener listener;

    private Pop3Harness(Path root, ServerConfig config, InetAddress bind, Duration idle,
            Function<World, Mailboat> mailboats) throws IOException {
        this.root = root;
        Files.write(root.resolve("users"), usersFile());
        UserStore users = UserStore.open(root);
        List<String> dirs = new ArrayList<>();
        for (String u : users.users()) {
            dirs.add(UserNames.tmp(u));
            dirs.add(UserNames.inbox(u));
            dirs.add(UserNames.cur(u));
        }
        this.world = RealWorld.open(root, 0, 1, dirs);
        this.mailboat = mailboats.apply(world);
        this.server = new Pop3Server(config, mailboat, users);
        this.listener = new Listener(new InetSocketAddress(bind, 0), server, new Semaphore(config.maxConnections()),
                Reply.BUSY_LINE, idle, config.sessionTimeout());
    }

    private static synchronized byte[] usersFile() throws IOException {
        if (usersFile == null) {
            Path dir = Files.createTempDirectory("pop3-users");
            UserStore store = UserStore.open(dir);
            for (Map.Entry<String, String> e : PASSWORDS.entrySet()) {
                store.add(e.getKey(), e.getValue().toCharArray());
            }
            usersFile = Files.readAllBytes(store.file());
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return usersFile;
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
        return start(root, config, w -> Mailboat.open(w, MailboatConfig.DEFAULT));
    }

    /** With a mail library of the test's making (a broken variant, say). */
    static Pop3Harness start(Path root, ServerConfig config, Function<World, Mailboat> mailboats) throws IOException {
        return new Pop3Harness(root, config, InetAddress.getLoopbackAddress(), Duration.ofSeconds(30), mailboats);
    }

    /** Listening on {@code bind}, with the listener's idle timeout {@code idle}. */
    static Pop3Harness start(Path root, ServerConfig config, InetAddress bind, Duration idle) throws IOException {
        return new Pop3Harness(root, config, bind, idle, w -> Mailboat.open(w, MailboatConfig.DEFAULT));
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

    /** Delivers through the library, as SMTP would. */
    void deliver(String user, String message) {
        if (!mailboat.deliver(user, message.getBytes(StandardCharsets.ISO_8859_1))) {
            throw new IllegalStateException("no such user " + user);
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
        } finally {
            world.close();
        }
    }
}
