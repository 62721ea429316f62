package armada.mailboat.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * One client connection: lines in, replies out, and the switch to TLS (STARTTLS, STLS). After
 * the switch nothing read before it is kept: input the client sent in plaintext after the
 * command is dropped, as RFC 3207 section 4.2 requires.
 *
 * <p>Stopping (server shutdown): a session reads its commands with {@link #readCommand}, and
 * {@link #stop} may come from another thread at any time. If the session is waiting for a
 * command, the stopping thread sends the stop line and closes the socket at once; if it is busy
 * with one (a delivery, a RETR), the line is sent at its next command, after the reply. The
 * session only writes while it is busy, and the stopping thread only while it waits, so the two
 * never write at once.
 */
public final class Connection implements Closeable {

    private volatile Socket socket;
    private LineReader in;
    private OutputStream out;
    private final InetAddress remote;
    private boolean secure;
    private final ReentrantLock gate = new ReentrantLock();
    private boolean waiting;
    private boolean stopped;
    private @Nullable String stopLine;

    public Connection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new LineReader(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        SocketAddress a = socket.getRemoteSocketAddress();
        this.remote = a instanceof InetSocketAddress isa ? isa.getAddress() : InetAddress.getLoopbackAddress();
    }

    public LineReader in() {
        return in;
    }

    /** The output; {@link #send} flushes, writes to this stream must be followed by {@link #flush()}. */
    public OutputStream out() {
        return out;
    }

    /**
     * The next command line, or null at the end of input or once the session is stopped (the
     * stop line has then been sent). Data that is no command (SMTP DATA) is read with {@link #in()}.
     *
     * @throws LineTooLongException as {@link LineReader#read} does
     */
    public @Nullable Line readCommand(int max) throws IOException {
        gate.lock();
        try {
            if (stopped) {
                return null;
            }
            if (stopLine != null) {
                stopped = true;
                send(stopLine);
                return null;
            }
            waiting = true;
        } finally {
            gate.unlock();
        }
        Line line;
        try {
            line = in.read(max);
        } catch (IOException e) {
            if (endWait()) {
                return null;
            }
            throw e;
        }
        return endWait() ? null : line;
    }

    /** Leaves the waiting state; true if the session was stopped meanwhile. */
    private boolean endWait() {
        gate.lock();
        try {
            waiting = false;
            return stopped;
        } finally {
            gate.unlock();
        }
    }

    /**
     * Stops the session with {@code line} (without CRLF): now if it is waiting for a command
     * (the line is sent, the socket closed), else when it next reads one. The calling thread may
     * block while the client does not read; the caller bounds that by closing the connection.
     */
    public void stop(String line) {
        gate.lock();
        try {
            if (stopped || stopLine != null) {
                return;
            }
            if (!waiting) {
                stopLine = line;
                return;
            }
            stopped = true;
            try {
                send(line);
            } catch (IOException ignored) {
                // The client is gone: there is no one to tell.
            }
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing is all that is left to do.
            }
        } finally {
            gate.unlock();
        }
    }

    /** Closes the socket at once, whatever the session is doing (the end of a drain). */
    public void abort() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closed is closed.
        }
    }

    /** Sends one reply line, adding CRLF, and flushes. */
    public void send(String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.ISO_8859_1));
        out.write('\r');
        out.write('\n');
        out.flush();
    }

    /** Adds a reply line without flushing (for pipelined replies and multi-line replies). */
    public void queue(String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.ISO_8859_1));
        out.write('\r');
        out.write('\n');
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** True if the client has sent more than the line being handled (it pipelined). */
    public boolean hasBufferedInput() {
        return in.buffered() > 0;
    }

    /** Each read waits at most this long; then the read throws {@link java.net.SocketTimeoutException}. */
    public void idleTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /** Switches to TLS as the server; anything buffered from before is dropped. */
    public void startTls(SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket,
                remote.getHostAddress(), socket.getPort(), true);
        tls.setUseClientMode(false);
        tls.setSoTimeout(socket.getSoTimeout());
        tls.startHandshake();
        socket = tls;
        in = new LineReader(tls.getInputStream());
        out = new BufferedOutputStream(tls.getOutputStream(), 16 * 1024);
        secure = true;
    }

    public boolean secure() {
        return secure;
    }

    public InetAddress remote() {
        return remote;
    }

    public boolean loopback() {
        return remote.isLoopbackAddress();
    }

    /**
     * Closes gracefully: on a plain socket, first ends the output and reads away (briefly, and
     * at most 64 KiB) what the client still sends, so that the last reply is not lost to a TCP
     * reset caused by unread pipelined input.
     */
    @Override
    public void close() throws IOException {
        try {
            if (!secure && !socket.isClosed() && !socket.isOutputShutdown()) {
                out.flush();
                socket.shutdownOutput();
                socket.setSoTimeout(200);
                java.io.InputStream raw = socket.getInputStream();
                byte[] sink = new byte[4096];
                int total = 0;
                while (total < 64 * 1024) {
                    int n = raw.read(sink);
                    if (n < 0) {
                        break;
                    }
                    total += n;
                }
            }
        } catch (IOException ignored) {
            // The client is gone or slow: close anyway.
        } finally {
            socket.close();
        }
    }

    /** For tests and limits: the configured read timeout. */
    public Duration idleTimeout() throws IOException {
        return Duration.ofMillis(socket.getSoTimeout());
    }
}
