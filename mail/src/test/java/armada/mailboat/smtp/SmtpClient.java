package armada.mailboat.smtp;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * A raw SMTP test client: writes exactly the bytes it is given and reads whole replies. Reads
 * are unbuffered, so nothing is held back when the connection turns to TLS. Every read blocks
 * for at most 10 s, so a missing reply fails the test instead of hanging it.
 */
final class SmtpClient implements AutoCloseable {

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    SmtpClient(InetSocketAddress server) throws IOException {
        this(server, null);
    }

    /** From the local address {@code from} (127.0.0.2, say: the whole of 127/8 is loopback), or any if null. */
    SmtpClient(InetSocketAddress server, java.net.@Nullable InetAddress from) throws IOException {
        socket = new Socket();
        if (from != null) {
            socket.bind(new InetSocketAddress(from, 0));
        }
        socket.connect(server, 10_000);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends {@code raw} as is, in one write. */
    void write(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /**
     * Sends {@code raw} one octet per write, with Nagle's algorithm off, so that it leaves in as
     * many TCP segments as the network stack will make of it.
     */
    void writeBytewise(String raw) throws IOException {
        socket.setTcpNoDelay(true);
        for (byte b : raw.getBytes(StandardCharsets.ISO_8859_1)) {
            out.write(b);
            out.flush();
        }
    }

    /** Sends {@code raw} in two writes, the second starting at octet {@code at}, Nagle off. */
    void writeSplit(String raw, int at) throws IOException {
        socket.setTcpNoDelay(true);
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        out.write(bytes, 0, at);
        out.flush();
        out.write(bytes, at, bytes.length - at);
        out.flush();
    }

    /** Sends {@code line} with CRLF and returns the reply. */
    String call(String line) throws IOException {
        write(line + "\r\n");
        return reply();
    }

    /** The next reply, its lines joined with LF and without their CRLF. */
    String reply() throws IOException {
        String reply = replyOrClose();
        if (reply == null) {
            throw new EOFException("server closed the connection before a reply");
        }
        return reply;
    }

    /** Every reply, as {@link #reply} gives them, until the server closes the connection. */
    List<String> repliesUntilClosed() throws IOException {
        List<String> replies = new ArrayList<>();
        for (String r = replyOrClose(); r != null; r = replyOrClose()) {
            replies.add(r);
        }
        return replies;
    }

    private @Nullable String replyOrClose() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = line();
            if (line == null) {
                if (lines.isEmpty()) {
                    return null;
                }
                throw new EOFException("server closed the connection inside a reply: " + lines);
            }
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return String.join("\n", lines);
            }
        }
    }

    /** The next line without its CRLF, or null if the server closed the connection before it. */
    private @Nullable String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0 && b.size() == 0) {
                return null;
            }
            if (c < 0) {
                throw new EOFException("server closed the connection; got so far: " + b);
            }
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
                    throw new IOException("reply line without CRLF: " + b);
                }
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
    }

    /** True if the server has closed the connection (blocks until it does or sends something). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true; // a reset is a close too
        }
    }

    /** The TLS handshake as a client, after the server's 220. */
    void startTls(SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, "localhost", socket.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        socket = tls;
        in = tls.getInputStream();
        out = tls.getOutputStream();
    }

    /** The usual opening: greeting read, EHLO sent, its reply read. */
    SmtpClient hello() throws IOException {
        String greeting = reply();
        if (!greeting.startsWith("220 ")) {
            throw new IOException("unexpected greeting: " + greeting);
        }
        String ehlo = call("EHLO client.test");
        if (!ehlo.startsWith("250")) {
            throw new IOException("unexpected EHLO reply: " + ehlo);
        }
        return this;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
