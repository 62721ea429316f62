package armada.mailboat.server;

import static org.assertj.core.api.Assertions.assertThat;

import armada.mailboat.TestUsers;
import armada.mailboat.config.ServerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shutdown (SIGTERM runs {@link MailServer#close}): open sessions are told {@code 421} at their
 * next command boundary, a message being sent is still delivered and acknowledged first, and a
 * client that never finishes is cut when the drain timeout ends.
 */
class DrainTest {

    @TempDir
    Path data;

    private MailServer start(Duration drain) throws IOException {
        TestUsers.write(data, Map.of("alice", "alice-password"));
        ServerConfig c = ServerConfig.defaults().withPorts(new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", 0));
        return MailServer.start(data, c.withClientLimits(c.maxPerClient(), c.sessionTimeout(), drain));
    }

    private static final class Client implements AutoCloseable {
        final Socket socket = new Socket();
        final BufferedReader in;
        final OutputStream out;

        Client(InetSocketAddress a) throws IOException {
            socket.connect(a, 10_000);
            socket.setSoTimeout(60_000); // a guard against a hang only
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
        }

        void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        String reply() throws IOException {
            String l = in.readLine();
            while (l != null && l.length() > 3 && l.charAt(3) == '-') {
                l = in.readLine();
            }
            return l == null ? "<closed>" : l;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static Client inData(MailServer server) throws IOException {
        Client c = new Client(server.smtpAddress());
        assertThat(c.reply()).startsWith("220");
        c.write("EHLO client.test\r\nMAIL FROM:<s@b.test>\r\nRCPT TO:<alice@localhost>\r\nDATA\r\n");
        assertThat(c.reply()).startsWith("250");
        assertThat(c.reply()).startsWith("250");
        assertThat(c.reply()).startsWith("250");
        assertThat(c.reply()).startsWith("354");
        c.write("Subject: in flight\r\n\r\nfirst half\r\n");
        return c;
    }

    @Test
    void shutdown_idleSessionIsToldAndAMessageInFlightIsStillDelivered() throws Exception {
        // The idle session gets 421 at once, which also shows the shutdown has begun; the client
        // in the middle of DATA then finishes: its message is delivered (250), then it gets 421.
        MailServer server = start(Duration.ofSeconds(30));
        Thread closing = null;
        try (Client idle = new Client(server.smtpAddress()); Client sending = inData(server)) {
            assertThat(idle.reply()).startsWith("220");
            idle.write("EHLO client.test\r\n");
            assertThat(idle.reply()).startsWith("250");
            closing = Thread.ofVirtual().start(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(idle.reply()).isEqualTo("421 4.3.2 service shutting down, try again later");
            assertThat(idle.reply()).isEqualTo("<closed>");
            sending.write("second half\r\n.\r\n");
            assertThat(sending.reply()).startsWith("250 2.0.0 message delivered");
            assertThat(sending.reply()).isEqualTo("421 4.3.2 service shutting down, try again later");
        } finally {
            if (closing != null) {
                closing.join();
            } else {
                server.close();
            }
        }
        try (Stream<Path> files = Files.list(data.resolve("alice/new"))) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void clientThatNeverFinishes_isCutAfterTheDrainAndNothingIsStored() throws Exception {
        // A bounded drain: the half-sent message never ends, so after the drain timeout the
        // connection is closed without a 250, and close() returns.
        MailServer server = start(Duration.ofSeconds(1));
        try (Client sending = inData(server)) {
            server.close();
            assertThat(sending.reply()).isEqualTo("<closed>");
        }
        try (Stream<Path> files = Files.list(data.resolve("alice/new"))) {
            assertThat(files).isEmpty();
        }
    }
}
