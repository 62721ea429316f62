package armada.mailboat.net;

import armada.mailboat.io.Connection;
import armada.mailboat.log.MailLog;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts connections on one port and serves each on its own virtual thread: blocking code,
 * one thread per connection, and millions of them cost little (the expected model on Java 25).
 *
 * <p>Bounds: the service serves at most {@link ListenerLimits#maxConnections} at once, and one
 * client address at most {@link ListenerLimits#maxPerClient}; a client over either is sent the
 * protocol's refusal line and closed at once, so a flood from one address (slow senders
 * included) cannot take the service from the others. Every connection has an idle timeout (per
 * read) and a session deadline (per connection). Each connection ends with one
 * {@link MailLog#connection} event.
 *
 * <p>Shutdown is in steps, for a bounded drain: {@link #stopAccepting}, {@link #stopSessions}
 * (each session is stopped at its next command boundary with the protocol's 421-style line),
 * {@link #awaitIdle} for as long as the drain may last, then {@link #close} cuts what is left.
 */
public final class Listener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Listener.class);

    private final ServerSocket server;
    private final SessionHandler handler;
    private final ListenerLimits limits;
    private final Semaphore cap;
    private final ClientCounts perClient;
    private final Map<Socket, Connection> open = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private final ReentrantLock idleLock = new ReentrantLock();
    private final Condition idleSignal = idleLock.newCondition();
    private volatile boolean closing;

    public Listener(InetSocketAddress address, SessionHandler handler, ListenerLimits limits) throws IOException {
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(address, 512);
        this.handler = handler;
        this.limits = limits;
        this.cap = new Semaphore(limits.maxConnections());
        this.perClient = new ClientCounts(limits.maxPerClient());
        this.acceptor = Thread.ofVirtual().name(handler.service() + "-accept").start(this::acceptLoop);
    }

    /** The address actually bound (the port, when 0 was asked for). */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!closing) {
                    LOG.warn("{}: accept failed", handler.service(), e);
                }
                continue;
            }
            InetAddress client = s.getInetAddress();
            if (!perClient.tryAcquire(client)) {
                refuse(s, SessionHandler.Refusal.CLIENT_LIMIT);
                continue;
            }
            if (!cap.tryAcquire()) {
                perClient.release(client);
                refuse(s, SessionHandler.Refusal.BUSY);
                continue;
            }
            Thread.ofVirtual().name(handler.service() + "-" + s.getPort()).start(() -> serve(s, client));
        }
    }

    /** Sends the refusal line and closes; a fresh socket's send buffer is empty, so this does not block. */
    private void refuse(Socket s, SessionHandler.Refusal why) {
        try (s) {
            s.getOutputStream().write((handler.line(why) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException ignored) {
            // The client is gone already; nothing to tell it.
        }
        MailLog.connection(handler.service(), s.getInetAddress(),
                why == SessionHandler.Refusal.BUSY ? "busy" : "client-limit", Duration.ZERO);
    }

    private void serve(Socket s, InetAddress client) {
        long start = System.nanoTime();
        ScheduledFuture<?> deadline = Deadlines.schedule(limits.session(), () -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // Closing is all we wanted.
            }
        });
        try (Connection c = new Connection(s)) {
            open.put(s, c);
            if (closing) {
                c.stop(handler.line(SessionHandler.Refusal.STOPPING));
            }
            s.setTcpNoDelay(true);
            c.idleTimeout(limits.idle());
            handler.serve(c);
        } catch (SocketException | SocketTimeoutException | EOFException e) {
            LOG.debug("{}: connection from {} ended: {}", handler.service(), client, e.toString());
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: session with {} failed", handler.service(), client.getHostAddress(), e);
        } finally {
            deadline.cancel(false);
            open.remove(s);
            perClient.release(client);
            cap.release();
            MailLog.connection(handler.service(), client, "closed", Duration.ofNanos(System.nanoTime() - start));
            idleLock.lock();
            try {
                idleSignal.signalAll();
            } finally {
                idleLock.unlock();
            }
        }
    }

    /** Waits until no session is running, at most {@code timeout}; true if none is. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        idleLock.lock();
        try {
            while (!open.isEmpty()) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idleSignal.awaitNanos(left);
            }
            return true;
        } finally {
            idleLock.unlock();
        }
    }

    /** Stops accepting new connections; open ones go on. */
    public void stopAccepting() throws IOException {
        closing = true;
        server.close();
        try {
            acceptor.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Asks every open session to stop with the protocol's STOPPING line: a session waiting for a
     * command gets it at once, a busy one after its current command (a delivery finishes, and
     * is acknowledged, first). Each stop runs on its own virtual thread, since a client that
     * does not read can block the write; {@link #close} ends those.
     */
    public void stopSessions() {
        String line = handler.line(SessionHandler.Refusal.STOPPING);
        for (Connection c : open.values()) {
            Thread.ofVirtual().name(handler.service() + "-stop").start(() -> c.stop(line));
        }
    }

    /** The connections being served now. */
    public int active() {
        return open.size();
    }

    /**
     * Stops accepting and closes every open connection at once: a session blocked reading from
     * its client ends, without committing (SMTP sends no 250, POP3 deletes nothing).
     */
    @Override
    public void close() throws IOException {
        stopAccepting();
        for (Connection c : open.values()) {
            c.abort();
        }
    }
}
