package armada.mailboat.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
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

/** A line-level POP3 client for send/expect dialogues; every line it reads must end in CRLF. */
final class Pop3Client implements AutoCloseable {

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Pop3Client(InetSocketAddress address) throws IOException {
        socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Whether a reply has arrived that was not read yet (without waiting for one). */
    boolean hasInput() throws IOException {
        return in.available() > 0;
    }

    /** Sends {@code line} and CRLF. */
    void send(String line) throws IOException {
        raw(line + "\r\n");
    }

    /** Sends the text as it is, in one write. */
    void raw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Sends {@code line} and returns the one-line reply. */
    String ask(String line) throws IOException {
        send(line);
        return line();
    }

    /** The next line without its CRLF; null at end of input. */
    @Nullable String lineOrEof() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            b.write(c);
        }
        if (c == -1 && b.size() == 0) {
            return null;
        }
        byte[] bytes = b.toByteArray();
        assertThat(c).as("line ends in LF").isEqualTo('\n');
        assertThat(bytes.length > 0 && bytes[bytes.length - 1] == '\r').as("line ends in CRLF").isTrue();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
    }

    String line() throws IOException {
        String line = lineOrEof();
        assertThat(line).as("a reply line, not the end of input").isNotNull();
        return line;
    }

    /** The lines of a multi-line body up to, not including, the terminating dot; still stuffed. */
    List<String> body() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String l = line(); !l.equals("."); l = line()) {
            lines.add(l);
        }
        return lines;
    }

    /** USER and PASS; returns the reply to PASS. */
    String login(String user, String password) throws IOException {
        assertThat(ask("USER " + user)).isEqualTo("+OK send PASS");
        return ask("PASS " + password);
    }

    /** Logs in as {@code user} with the right password and checks it worked. */
    void loginOk(String user) throws IOException {
        assertThat(login(user, Pop3Harness.PASSWORDS.get(user))).startsWith("+OK maildrop has ");
    }

    /** Turns the connection to TLS as a client (after {@code +OK begin TLS}). */
    void startTls(SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket,
                socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        socket = tls;
        in = new BufferedInputStream(tls.getInputStream());
        out = tls.getOutputStream();
    }

    boolean secure() {
        return socket instanceof SSLSocket;
    }

    /** Drops the connection the way a client that goes away does: no QUIT, end of input. */
    void hangUp() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads until the server closes; true if it did (no more replies came). */
    boolean closedByServer() throws IOException {
        return lineOrEof() == null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
