package armada.mailboat.server;

import static org.assertj.core.api.Assertions.assertThat;

import armada.mailboat.TestUsers;
import armada.mailboat.config.ServerConfig;
import armada.mailboat.log.LogCapture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole server's log: one line per connection, per mail transaction and per login, each with the client's address. */
class EventLogTest {

    @TempDir
    Path data;

    private static List<String> dialogue(InetSocketAddress to, String... commands) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(to, 10_000);
            s.setSoTimeout(15_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            List<String> replies = new java.util.ArrayList<>();
            replies.add(in.readLine());
            for (String c : commands) {
                out.write((c + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                String l = in.readLine();
                while (l != null && l.length() > 3 && l.charAt(3) == '-') {
                    l = in.readLine();
                }
                replies.add(l);
            }
            return replies;
        }
    }

    @Test
    void transactionLoginAndConnections_eachLoggedOnceWithTheClient() throws Exception {
        // A delivered message (id, size, sender, recipients, 250), a refused login, and the two
        // connections' ends: what an operator and fail2ban read.
        TestUsers.write(data, Map.of("alice", "alice-password"));
        ServerConfig c = ServerConfig.defaults().withPorts(new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", 0));
        c = c.withLimits(10, Duration.ofSeconds(30), c.maxMessageSize(), c.maxRecipients(), c.maxErrors(),
                Duration.ofMillis(10));
        try (LogCapture log = new LogCapture()) {
            try (MailServer server = MailServer.start(data, c)) {
                assertThat(dialogue(server.smtpAddress(), "HELO client.test", "MAIL FROM:<s@b.test>",
                        "RCPT TO:<Alice@localhost>", "DATA", "Message-ID: <m1@b.test>\r\n\r\nhi\r\n.", "QUIT"))
                        .element(5).asString().startsWith("250 ");
                assertThat(dialogue(server.pop3Address(), "USER alice", "PASS wrong", "QUIT")).element(2)
                        .asString().startsWith("-ERR");
            }
            List<String> lines = log.lines();
            assertThat(lines).filteredOn(l -> l.contains("event=transaction")).singleElement().asString()
                    .matches("\\S+ INFO event=transaction service=smtp client=127\\.0\\.0\\.1 result=delivered code=250 "
                            + "id=[0-9A-F]{12} size=\\d+ from=s@b\\.test to=Alice@localhost message_id=<m1@b\\.test>");
            assertThat(lines).filteredOn(l -> l.contains("event=auth")).singleElement().asString()
                    .endsWith("event=auth service=pop3 client=127.0.0.1 result=fail mechanism=USER user=alice");
            assertThat(lines).filteredOn(l -> l.contains("event=connection")).hasSize(2)
                    .allMatch(l -> l.matches("\\S+ INFO event=connection service=(smtp|pop3) client=127\\.0\\.0\\.1 "
                            + "result=closed ms=\\d+"));
        }
    }
}
