package armada.mailboat.server;

import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.mailboat.UserNames;
import armada.mailboat.pop3.Pop3Server;
import armada.mailboat.smtp.SmtpServer;
import armada.mailboat.users.UserStore;
import armada.world.RealWorld;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The running mail server: the mail library on the real World over a data directory, recovered
 * before anything listens, with SMTP and POP3 listeners sharing one connection cap. One process
 * serves a data directory at a time (the lock file {@code .lock} says so; names starting with a
 * dot are never user names, so they cannot clash with a Maildir).
 */
public final class MailServer implements AutoCloseable {

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final RealWorld world;
    private final Listener smtp;
    private final Listener pop3;

    private MailServer(FileChannel lockChannel, FileLock lock, RealWorld world, Listener smtp, Listener pop3) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.world = world;
        this.smtp = smtp;
        this.pop3 = pop3;
    }

    /** The Maildir directories of {@code users}: {@code u/tmp}, {@code u/new}, {@code u/cur}. */
    public static List<String> maildirs(Iterable<String> users) {
        List<String> dirs = new ArrayList<>();
        for (String u : users) {
            dirs.add(UserNames.tmp(u));
            dirs.add(UserNames.inbox(u));
            dirs.add(UserNames.cur(u));
        }
        return dirs;
    }

    /**
     * Opens the data directory, runs recovery, and starts listening.
     *
     * @throws IllegalStateException if another process serves {@code data}
     */
    public static MailServer start(Path data, ServerConfig config) throws IOException {
        UserStore users = UserStore.open(data);
        FileChannel lockChannel = FileChannel.open(data.resolve(".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("another mailboat serves " + data);
        }
        RealWorld world = null;
        Listener smtpListener = null;
        try {
            world = RealWorld.open(data, 0, 1, maildirs(users.users()));
            Mailboat mail = Mailboat.open(world, MailboatConfig.DEFAULT);
            mail.recover();
            Semaphore cap = new Semaphore(config.maxConnections());
            smtpListener = new Listener(config.smtp(), new SmtpServer(config, mail), cap,
                    armada.mailboat.smtp.Reply.busy().render().getFirst(), config.idleTimeout(),
                    config.sessionTimeout());
            Listener pop3Listener = new Listener(config.pop3(), new Pop3Server(config, mail, users), cap,
                    Pop3Server.BUSY, config.idleTimeout(), config.sessionTimeout());
            return new MailServer(lockChannel, lock, world, smtpListener, pop3Listener);
        } catch (IOException | RuntimeException e) {
            if (smtpListener != null) {
                smtpListener.close();
            }
            if (world != null) {
                world.close();
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

    /** The line printed once both listen: {@code ready smtp=HOST:PORT pop3=HOST:PORT}. */
    public String readyLine() {
        return "ready smtp=" + hostPort(smtpAddress()) + " pop3=" + hostPort(pop3Address());
    }

    private static String hostPort(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /**
     * Shuts down cleanly: stops accepting, closes every connection (a session in the middle of
     * a delivery finishes making it durable first; open POP3 sessions commit nothing), waits for
     * the sessions to end, and closes the data directory.
     */
    @Override
    public void close() throws IOException {
        try {
            smtp.close();
            pop3.close();
            smtp.awaitIdle(Duration.ofSeconds(30));
            pop3.awaitIdle(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            world.close();
            lock.release();
            lockChannel.close();
        }
    }
}
