package armada.mailboat.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import armada.mailboat.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every limit: what the client is told, that nothing is stored, and whether the session goes on. */
class SmtpLimitsTest {

    @TempDir
    Path root;

    private SmtpHarness start(Duration idle, long maxSize, int maxRecipients, int maxErrors) throws IOException {
        ServerConfig config = SmtpHarness.limits(SmtpHarness.config(), idle, maxSize, maxRecipients, maxErrors);
        return SmtpHarness.start(root, config);
    }

    private SmtpHarness start() throws IOException {
        return start(Duration.ofSeconds(30), 1000, 3, 20);
    }

    @Test
    void commandLineOver512Octets_is500AndTheSessionGoesOn() throws IOException {
        // RFC 5321 4.5.3.1.4: 512 octets with CRLF. The long line is skipped whole, so its tail
        // is not read as another command.
        try (SmtpHarness server = start(); SmtpClient c = server.connect()) {
            c.hello();
            assertThat(c.call("NOOP " + "x".repeat(600))).isEqualTo("500 5.5.2 line too long");
            assertThat(c.call("NOOP")).isEqualTo("250 2.0.0 OK");
        }
    }

    @Test
    void commandLineOfExactly512Octets_isAccepted() throws IOException {
        // 510 octets of command plus CRLF is at the limit, not over it; 511 is over.
        try (SmtpHarness server = start(); SmtpClient c = server.connect()) {
            c.hello();
            assertThat(c.call("NOOP " + "x".repeat(505))).isEqualTo("250 2.0.0 OK");
            assertThat(c.call("NOOP " + "x".repeat(506))).isEqualTo("500 5.5.2 line too long");
        }
    }

    @Test
    void textLineOver1000Octets_is500AndNothingIsStored() throws IOException {
        // RFC 5321 4.5.3.1.6: a text line is at most 1000 octets with CRLF. The rest of the data
        // is still read to CRLF.CRLF, so the session stays in step.
        try (SmtpHarness server = start(Duration.ofSeconds(30), 100_000, 3, 20); SmtpClient c = server.connect()) {
            c.hello();
            c.call("MAIL FROM:<a@b.test>");
            c.call("RCPT TO:<alice@localhost>");
            assertThat(c.call("DATA")).startsWith("354 ");
            assertThat(c.call("ok\r\n" + "y".repeat(999) + "\r\nmore\r\n.")).isEqualTo("500 5.5.2 line too long");
            assertThat(c.call("NOOP")).isEqualTo("250 2.0.0 OK");
            assertThat(c.call("DATA")).isEqualTo("503 5.5.1 need RCPT before DATA");
        }
    }

    @Test
    void textLineOfExactly1000Octets_isStored() throws IOException {
        // 998 octets and CRLF is within the limit.
        try (SmtpHarness server = start(Duration.ofSeconds(30), 100_000, 3, 20); SmtpClient c = server.connect()) {
            c.hello();
            c.call("MAIL FROM:<a@b.test>");
            c.call("RCPT TO:<alice@localhost>");
            c.call("DATA");
            assertThat(c.call("y".repeat(998) + "\r\n.")).startsWith("250 ");
        }
    }

    @Test
    void messageOverMaxSize_is552AndNothingIsStored() throws IOException {
        // The limit is 1000 octets here; the transaction ends, the session does not.
        try (SmtpHarness server = start(); SmtpClient c = server.connect()) {
            c.hello();
            c.call("MAIL FROM:<a@b.test>");
            c.call("RCPT TO:<alice@localhost>");
            c.call("DATA");
            assertThat(c.call(("z".repeat(98) + "\r\n").repeat(20) + ".")).isEqualTo("552 5.3.4 message too big");
            assertThat(server.inbox("alice")).isEmpty();
            assertThat(server.temporary("alice")).isEmpty();
            assertThat(c.call("MAIL FROM:<a@b.test>")).isEqualTo("250 2.1.0 sender OK");
        }
    }

    @Test
    void mailWithSizeOverLimit_is552AtOnce() throws IOException {
        // RFC 1870: a declared size over the limit is refused before any data is sent.
        try (SmtpHarness server = start(); SmtpClient c = server.connect()) {
            c.hello();
            assertThat(c.call("MAIL FROM:<a@b.test> SIZE=1001")).isEqualTo("552 5.3.4 message too big");
            assertThat(c.call("MAIL FROM:<a@b.test> SIZE=99999999999999999999")).isEqualTo("552 5.3.4 message too big");
            assertThat(c.call("RCPT TO:<alice@localhost>")).isEqualTo("503 5.5.1 need MAIL before RCPT");
            assertThat(c.call("MAIL FROM:<a@b.test> SIZE=1000")).isEqualTo("250 2.1.0 sender OK");
        }
    }

    @Test
    void ehlo_advertisesTheConfiguredSize() throws IOException {
        // RFC 1870: SIZE names the fixed limit.
        try (SmtpHarness server = start(); SmtpClient c = server.connect()) {
            c.reply();
            assertThat(c.call("EHLO client.test")).contains("\n250-SIZE 1000\n");
        }
    }

    @Test
    void recipientsOverLimit_are452AndTheAcceptedOnesGetTheirCopy() throws IOException {
        // RFC 5321 4.5.3.1.10: 452 tells the client to send to the rest later; the limit is 3.
        try (SmtpHarness server = start(); SmtpClient c = server.connect()) {
            c.hello();
            c.call("MAIL FROM:<a@b.test>");
            assertThat(c.call("RCPT TO:<alice@localhost>")).startsWith("250 ");
            assertThat(c.call("RCPT TO:<bob@localhost>")).startsWith("250 ");
            assertThat(c.call("RCPT TO:<carol@localhost>")).startsWith("250 ");
            assertThat(c.call("RCPT TO:<postmaster@localhost>")).isEqualTo("452 4.5.3 too many recipients");
            c.call("DATA");
            assertThat(c.call("hi\r\n.")).isEqualTo("250 2.0.0 message delivered to 3 recipients");
            assertThat(server.inbox("carol")).hasSize(1);
            assertThat(server.inbox("postmaster")).isEmpty();
        }
    }

    @Test
    void errorLimitReached_is421AndClose() throws IOException {
        // With maxErrors 3, the third error reply is followed by 421 and the connection closes:
        // a client probing for user names or sending garbage is cut off.
        try (SmtpHarness server = start(Duration.ofSeconds(30), 1000, 3, 3); SmtpClient c = server.connect()) {
            c.hello();
            assertThat(c.call("BOGUS")).isEqualTo("500 5.5.1 unknown command");
            assertThat(c.call("NOOP")).isEqualTo("250 2.0.0 OK");
            c.call("MAIL FROM:<a@b.test>");
            assertThat(c.call("RCPT TO:<nobody@localhost>")).startsWith("550 5.1.1 ");
            assertThat(c.call("RCPT TO:<nobody2@localhost>")).isEqualTo("""
                    550 5.1.1 <nobody2@localhost>: unknown user""");
            assertThat(c.reply()).isEqualTo("421 4.7.0 too many errors");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void silentClient_gets421IdleTimeoutAndIsClosed() throws IOException {
        // The idle timeout is the connection's read timeout (1 s here). The client just waits,
        // in a blocking read, for what the server says when it expires.
        try (SmtpHarness server = start(Duration.ofSeconds(1), 1000, 3, 20); SmtpClient c = server.connect()) {
            c.hello();
            c.call("MAIL FROM:<a@b.test>");
            assertThat(c.reply()).isEqualTo("421 4.4.2 idle timeout");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void silentClientInsideData_gets421IdleTimeout() throws IOException {
        // The same read timeout covers the message text, and nothing half-sent is stored.
        try (SmtpHarness server = start(Duration.ofSeconds(1), 1000, 3, 20); SmtpClient c = server.connect()) {
            c.hello();
            c.call("MAIL FROM:<a@b.test>");
            c.call("RCPT TO:<alice@localhost>");
            assertThat(c.call("DATA")).startsWith("354 ");
            c.write("Subject: half\r\n");
            assertThat(c.reply()).isEqualTo("421 4.4.2 idle timeout");
            assertThat(c.closedByServer()).isTrue();
            assertThat(server.inbox("alice")).isEmpty();
        }
    }
}
