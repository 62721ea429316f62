package armada.mailboat.server;

import static org.assertj.core.api.Assertions.assertThat;

import armada.mailboat.TestUsers;
import armada.mailboat.config.ServerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-client limits: a flood of slow senders from one address (127.0.0.2, a byte a second)
 * gets only its share of connections, and a client on another address (127.0.0.3) is served
 * as if it were not there. The whole of 127.0.0.0/8 is loopback, so the clients bind these
 * source addresses; the server listens on 127.0.0.1, port 0.
 */
class ClientLimitsTest {

    private static final int PER_CLIENT = 4;
    private static final int SLOW_SENDERS = 12;
    /** A slow sender dribbles at most this many bytes (a byte a second), then gives up. */
    private static final int MAX_DRIBBLE = 120;

    @TempDir
    Path data;

    private MailServer start(Duration session) throws IOException {
        TestUsers.write(data, Map.of("alice", "alice-password"));
        ServerConfig c = ServerConfig.defaults().withPorts(new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", 0));
        c = c.withLimits(50, Duration.ofSeconds(30), c.maxMessageSize(), c.maxRecipients(), c.maxErrors(),
                Duration.ofMillis(10));
        return MailServer.start(data, c.withClientLimits(PER_CLIENT, session, Duration.ofSeconds(5)));
    }

    private static Socket connect(InetSocketAddress server, String from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(server, 10_000);
        s.setSoTimeout(15_000);
        return s;
    }

    private static String line(Socket s) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = s.getInputStream().read()) != -1 && c != '\n') {
            b.append((char) c);
        }
        return c == -1 && b.isEmpty() ? "<closed>" : b.toString().strip();
    }

    /** Writes one byte a second until closed or {@link #MAX_DRIBBLE} bytes: load, not synchronisation. */
    private static Thread dribble(Socket s) {
        return Thread.ofVirtual().start(() -> {
            try {
                OutputStream out = s.getOutputStream();
                for (int i = 0; i < MAX_DRIBBLE && !s.isClosed(); i++) {
                    out.write('N');
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (IOException | InterruptedException stopped) {
                // The test is over, or the server cut the connection.
            }
        });
    }

    @Test
    void slowSendersFromOneAddress_takeOnlyTheirShareAndAnotherClientIsServed() throws Exception {
        // 12 connections from 127.0.0.2: 4 are served (and dribble a byte a second, which no
        // idle timeout catches), 8 are told 421 4.7.0 at once. 127.0.0.3 then sends a message.
        try (MailServer server = start(Duration.ofHours(1))) {
            List<Socket> slow = new ArrayList<>();
            List<Thread> dribblers = new ArrayList<>();
            try {
                List<String> greetings = new ArrayList<>();
                for (int i = 0; i < SLOW_SENDERS; i++) {
                    Socket s = connect(server.smtpAddress(), "127.0.0.2");
                    slow.add(s);
                    String greeting = line(s);
                    greetings.add(greeting);
                    if (greeting.startsWith("220")) {
                        dribblers.add(dribble(s));
                    }
                }
                assertThat(greetings).filteredOn(g -> g.startsWith("220")).hasSize(PER_CLIENT);
                assertThat(greetings).filteredOn(g -> g.equals(
                        "421 4.7.0 too many connections from your address, try again later"))
                        .hasSize(SLOW_SENDERS - PER_CLIENT);
                try (Socket c = connect(server.smtpAddress(), "127.0.0.3")) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    OutputStream out = c.getOutputStream();
                    assertThat(in.readLine()).startsWith("220");
                    String dialogue = "HELO other.test\r\nMAIL FROM:<s@b.test>\r\nRCPT TO:<alice@localhost>\r\nDATA\r\n";
                    out.write(dialogue.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    for (int i = 0; i < 4; i++) {
                        assertThat(in.readLine()).matches("(250|354) .*");
                    }
                    out.write("Subject: served\r\n\r\ndespite the flood\r\n.\r\nQUIT\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    assertThat(in.readLine()).startsWith("250 2.0.0 message delivered");
                }
                // POP3 has its own per-client count: 127.0.0.2 can still read its mail there.
                try (Socket p = connect(server.pop3Address(), "127.0.0.2")) {
                    assertThat(line(p)).startsWith("+OK");
                }
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
                for (Thread t : dribblers) {
                    t.join();
                }
            }
        }
    }

    @Test
    void slowSenderPastTheSessionDeadline_isCut() throws Exception {
        // A byte a second keeps the idle timeout from firing; the session deadline still ends
        // the connection (read returns end of input; no upper bound on when is asserted).
        try (MailServer server = start(Duration.ofSeconds(2))) {
            Socket s = connect(server.smtpAddress(), "127.0.0.2");
            Thread d = null;
            try {
                assertThat(line(s)).startsWith("220");
                d = dribble(s);
                s.setSoTimeout(60_000); // only a guard against a hang: the cut comes after 2 s
                assertThat(line(s)).isEqualTo("<closed>");
            } finally {
                s.close();
                if (d != null) {
                    d.join();
                }
            }
        }
    }
}
