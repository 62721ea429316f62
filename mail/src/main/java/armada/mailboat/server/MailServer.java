package armada.mailboat.server;

import armada.mailboat.config.ServerConfig;
import armada.mailboat.net.ListenerLimits;
import armada.mailboat.net.Listener;
import armada.mailboat.pop3.Pop3Server;
import armada.mailboat.smtp.SmtpServer;
import armada.mailboat.store.Mailboxes;
import armada.mailboat.users.UserStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running mail server: the mailboxes of a data directory (the mail library on the real
 * World), recovered before anything listens, with SMTP, POP3 and, if configured, submission
 * listeners, each with its own connection caps. One process serves a data directory at a time
 * (the lock file {@code .lock} says so; names starting with a dot are never user names, so they
 * cannot clash with a Maildir).
 */
public final class MailServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailServer.class);
    /** After the drain, how long sessions cut off get to finish what they are making durable. */
    private static final Duration AFTER_CUT = Duration.ofSeconds(10);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Mailboxes mailboxes;
    private final Listener smtp;
    private final Listener pop3;
    private final @Nullable Listener submission;
    private final Duration drain;

    private MailServer(FileChannel lockChannel, FileLock lock, Mailboxes mailboxes, Listener smtp, Listener pop3,
            @Nullable Listener submission, Duration drain) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.mailboxes = mailboxes;
        this.smtp = smtp;
        this.pop3 = pop3;
        this.submission = submission;
        this.drain = drain;
    }

    /**
     * Opens the data directory, runs recovery, and starts listening.
     *
     * @throws IllegalStateException if another process serves {@code data}
     */
    public static MailServer start(Path data, ServerConfig config) throws IOException {
        return start(data, config, UnaryOperator.identity());
    }

    /** {@link #start(Path, ServerConfig)} with the mailboxes' options changed (tests make writes fail). */
    public static MailServer start(Path data, ServerConfig config, UnaryOperator<Mailboxes.Builder> options)
            throws IOException {
        UserStore users = UserStore.open(data);
        FileChannel lockChannel = FileChannel.open(data.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("another mailboat serves " + data);
        }
        Mailboxes mailboxes = null;
        List<Listener> started = new ArrayList<>();
        try {
            mailboxes = options.apply(Mailboxes.builder(data, users).postmaster(config.postmaster())
                    .quota(config.quota())).open();
            mailboxes.recover();
            ListenerLimits limits = new ListenerLimits(config.maxConnections(), config.maxPerClient(),
                    config.idleTimeout(), config.sessionTimeout());
            SmtpServer smtpServer = new SmtpServer(config, mailboxes);
            started.add(new Listener(config.smtp(), smtpServer, limits));
            started.add(new Listener(config.pop3(), new Pop3Server(config, mailboxes), limits));
            InetSocketAddress sub = config.submission();
            if (sub != null) {
                started.add(new Listener(sub, smtpServer.submission(), limits));
            }
            return new MailServer(lockChannel, lock, mailboxes, started.get(0), started.get(1),
                    started.size() > 2 ? started.get(2) : null, config.drainTimeout());
        } catch (IOException | RuntimeException e) {
            for (Listener l : started) {
                l.close();
            }
            if (mailboxes != null) {
                mailboxes.close();
            }
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    public InetSocketAddress smtpAddress() {
        return smtp.address();
    }

    public InetSocketAddress pop3Address() {
        return pop3.address();
    }

    /** The submission listener's address, or null if there is none. */
    public @Nullable InetSocketAddress submissionAddress() {
        Listener s = submission;
        return s == null ? null : s.address();
    }

    /** The line printed once all listen: {@code ready smtp=HOST:PORT pop3=HOST:PORT [submission=HOST:PORT]}. */
    public String readyLine() {
        String line = "ready smtp=" + hostPort(smtpAddress()) + " pop3=" + hostPort(pop3Address());
        InetSocketAddress s = submissionAddress();
        return s == null ? line : line + " submission=" + hostPort(s);
    }

    private static String hostPort(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    private List<Listener> listeners() {
        List<Listener> all = new ArrayList<>(List.of(smtp, pop3));
        if (submission != null) {
            all.add(submission);
        }
        return all;
    }

    /**
     * Shuts down with a bounded drain (SIGTERM): stops accepting; tells every open session
     * {@code 421} (SMTP) or {@code -ERR [SYS/TEMP]} (POP3) at its next command, so a delivery
     * under way is finished and acknowledged first and an idle session is told at once; waits
     * for the sessions at most the drain timeout; then cuts the rest (open POP3 sessions commit
     * nothing), gives those a moment to finish what they make durable, and closes the data
     * directory.
     */
    @Override
    public void close() throws IOException {
        try {
            for (Listener l : listeners()) {
                l.stopAccepting();
            }
            for (Listener l : listeners()) {
                l.stopSessions();
            }
            long deadline = System.nanoTime() + drain.toNanos();
            boolean drained = true;
            for (Listener l : listeners()) {
                drained &= l.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
            if (!drained) {
                LOG.warn("sessions still open after the {} s drain: closing them", drain.toSeconds());
            }
            for (Listener l : listeners()) {
                l.close();
            }
            for (Listener l : listeners()) {
                if (!l.awaitIdle(AFTER_CUT)) {
                    LOG.warn("{} sessions did not end {} s after being cut", l.active(), AFTER_CUT.toSeconds());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            mailboxes.close();
            lock.release();
            lockChannel.close();
        }
    }
}
