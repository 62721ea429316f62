package armada.mailboat.torture;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A minimal line-based client over a socket with timeouts, for the torture test's SMTP and POP3. */
final class WireClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    WireClient(InetSocketAddress address, int timeoutMillis) throws IOException {
        socket = new Socket();
        socket.connect(address, timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** One reply line, without CRLF. */
    String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (b.size() > 64 * 1024) {
                throw new IOException("reply line too long");
            }
            b.write(c);
        }
        throw new IOException("connection closed");
    }

    /** An SMTP reply, possibly multi-line; returns its last line. */
    String smtpReply() throws IOException {
        String l = line();
        while (l.length() > 3 && l.charAt(3) == '-') {
            l = line();
        }
        return l;
    }

    void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** A POP3 multi-line body, dot-unstuffed, with CRLF line endings. */
    byte[] multiline() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String l = line();
            if (l.equals(".")) {
                return body.toByteArray();
            }
            if (l.startsWith(".")) {
                l = l.substring(1);
            }
            body.writeBytes(l.getBytes(StandardCharsets.ISO_8859_1));
            body.write('\r');
            body.write('\n');
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
