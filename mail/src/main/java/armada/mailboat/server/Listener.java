package armada.mailboat.server;

import armada.mailboat.io.Connection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Accepts connections on one port and serves each on its own virtual thread: blocking code,
 * one thread per connection, and millions of them cost little (the expected model on Java 25).
 * A shared cap bounds the connections served at once; a client over the cap gets the
 * protocol's "busy" line and is closed at once, so a flood cannot starve the server of memory
 * or threads. Every connection has an idle timeout and a hard session deadline.
 */
public final class Listener implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Listener.class.getName());

    private final ServerSocket server;
    private final SessionHandler handler;
    private final Semaphore cap;
    private final String busy;
    private final Duration idle;
    private final Duration session;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final java.util.concurrent.locks.ReentrantLock idleLock = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.locks.Condition idleSignal = idleLock.newCondition();
    private volatile boolean closing;

    /**
     * @param busy the line sent to a client over the cap, e.g. {@code 421 4.3.2 too busy}
     */
    public Listener(InetSocketAddress address, SessionHandler handler, Semaphore cap, String busy, Duration idle,
            Duration session) throws IOException {
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(address, 512);
        this.handler = handler;
        this.cap = cap;
        this.busy = busy;
        this.idle = idle;
        this.session = session;
        this.acceptor = Thread.ofVirtual().name("accept-" + address.getPort()).start(this::acceptLoop);
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
                    LOG.log(Level.WARNING, "accept failed", e);
                }
                continue;
            }
            if (!cap.tryAcquire()) {
                Thread.ofVirtual().start(() -> refuse(s));
                continue;
            }
            open.add(s);
            Thread.ofVirtual().name("conn-" + s.getPort()).start(() -> serve(s));
        }
    }

    private void refuse(Socket s) {
        try (s) {
            s.setSoTimeout(1000);
            s.getOutputStream().write((busy + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IOException ignored) {
            // The client is gone already; nothing to tell it.
        }
    }

    private void serve(Socket s) {
        Thread self = Thread.currentThread();
        java.util.concurrent.ScheduledFuture<?> deadline = Deadlines.schedule(session, () -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // Closing is all we wanted.
            }
        });
        try (Connection c = new Connection(s)) {
            s.setTcpNoDelay(true);
            c.idleTimeout(idle);
            handler.serve(c);
        } catch (SocketException | java.net.SocketTimeoutException | java.io.EOFException e) {
            LOG.log(Level.FINE, "connection ended: " + e);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "session failed on " + self.getName(), e);
        } finally {
            deadline.cancel(false);
            open.remove(s);
            cap.release();
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

    /** The connections being served now. */
    public int active() {
        return open.size();
    }

    /**
     * Stops accepting and closes every open connection: a session blocked reading from its
     * client ends at once, without committing (SMTP sends no 250, POP3 deletes nothing).
     */
    @Override
    public void close() throws IOException {
        stopAccepting();
        for (Socket s : open) {
            s.close();
        }
    }
}
