package armada.mailboat.smtp;

import armada.mailboat.TestTls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS (RFC 3207) with a certificate made for the test. */
class SmtpTlsTest {

    @TempDir
    Path root;

    private SmtpHarness start() throws IOException {
        return SmtpHarness.start(root, SmtpHarness.config(TestTls.server()));
    }

    @Test
    void ehloInPlaintext_offersStartTls() throws IOException {
        // A TLS context is configured and the connection is still plaintext.
        try (SmtpHarness server = start(); SmtpClient c = server.connect()) {
            c.reply();
            assertThat(c.call("EHLO client.test")).endsWith("\n250-ENHANCEDSTATUSCODES\n250 STARTTLS");
        }
    }

    @Test
    void afterStartTls_ehloIsNeededAgainAndNoLongerOffersStartTls() throws IOException {
        // RFC 3207 4.2: after the handshake the server forgets everything learnt before it,
        // the greeting included; STARTTLS cannot be used twice.
        try (SmtpHarness server = start(); SmtpClient c = server.connect()) {
            c.hello();
            assertThat(c.call("STARTTLS")).isEqualTo("220 2.0.0 ready to start TLS");
            c.startTls(TestTls.client());
            assertThat(c.call("MAIL FROM:<a@b.test>")).isEqualTo("503 5.5.1 send HELO/EHLO first");
            String ehlo = c.call("EHLO client.test");
            assertThat(ehlo).endsWith("\n250 ENHANCEDSTATUSCODES").doesNotContain("STARTTLS");
            assertThat(c.call("STARTTLS")).isEqualTo("503 5.5.1 already in TLS");
            c.call("MAIL FROM:<a@b.test>");
            c.call("RCPT TO:<alice@localhost>");
            c.call("DATA");
            assertThat(c.call("secret\r\n.")).startsWith("250 ");
            assertThat(server.inbox("alice")).singleElement()
                    .extracting(b -> new String(b, StandardCharsets.ISO_8859_1))
                    .isEqualTo("Return-Path: <a@b.test>\nReceived: from client.test ([127.0.0.1]) by mx.test "
                            + "(Mailboat) with ESMTPS; "
                            + SmtpHarness.DATE + "\nsecret\n");
        }
    }

    @Test
    void startTlsAfterMail_forgetsTheTransaction() throws IOException {
        // The envelope given in plaintext must not survive into the TLS session.
        try (SmtpHarness server = start(); SmtpClient c = server.connect()) {
            c.hello();
            assertThat(c.call("STARTTLS")).startsWith("220 ");
            c.startTls(TestTls.client());
            c.call("EHLO client.test");
            assertThat(c.call("RCPT TO:<alice@localhost>")).isEqualTo("503 5.5.1 need MAIL before RCPT");
        }
    }

    @Test
    void startTlsInTransaction_isBadSequence() throws IOException {
        // A transaction cannot span the switch to TLS.
        try (SmtpHarness server = start(); SmtpClient c = server.connect()) {
            c.hello();
            c.call("MAIL FROM:<a@b.test>");
            assertThat(c.call("STARTTLS")).isEqualTo("503 5.5.1 mail transaction in progress");
        }
    }

    @Test
    void commandsPipelinedAfterStartTls_areNeverExecuted() throws IOException {
        // The STARTTLS command-injection attack (CVE-2011-0411): plaintext sent after STARTTLS
        // in the same packet would otherwise run as if it came over TLS. The server answers
        // STARTTLS and drops the rest: after the handshake there is no greeting, no transaction,
        // no recipient, and nothing is delivered.
        try (SmtpHarness server = start(); SmtpClient c = server.connect()) {
            c.hello();
            c.write("STARTTLS\r\nEHLO evil.test\r\nMAIL FROM:<evil@x.test>\r\nRCPT TO:<alice@localhost>\r\nDATA\r\n"
                    + "injected\r\n.\r\n");
            assertThat(c.reply()).isEqualTo("220 2.0.0 ready to start TLS");
            c.startTls(TestTls.client());
            assertThat(c.call("DATA")).isEqualTo("503 5.5.1 need RCPT before DATA");
            assertThat(c.call("RCPT TO:<alice@localhost>")).isEqualTo("503 5.5.1 need MAIL before RCPT");
            assertThat(c.call("MAIL FROM:<a@b.test>")).isEqualTo("503 5.5.1 send HELO/EHLO first");
            assertThat(c.call("NOOP")).isEqualTo("250 2.0.0 OK");
            assertThat(server.inbox("alice")).isEmpty();
        }
    }

    @Test
    void tlsRequired_refusesMailUntilStartTls() throws IOException {
        // The requirement is a decorator around MAIL: 530 in plaintext, normal after STARTTLS.
        try (SmtpHarness server = SmtpHarness.start(root, SmtpHarness.config(TestTls.server()),
                java.util.function.UnaryOperator.identity(), SmtpServer::requiringTls);
                SmtpClient c = server.connect()) {
            c.hello();
            assertThat(c.call("MAIL FROM:<a@b.test>")).isEqualTo("530 5.7.0 must issue a STARTTLS command first");
            c.call("STARTTLS");
            c.startTls(TestTls.client());
            c.call("EHLO client.test");
            assertThat(c.call("MAIL FROM:<a@b.test>")).isEqualTo("250 2.1.0 sender OK");
        }
    }

    @Test
    void tlsRequiredWithoutContext_isRefusedAtConstruction() throws IOException {
        // Requiring what cannot be offered would refuse every message.
        try (SmtpHarness server = SmtpHarness.start(root, SmtpHarness.config())) {
            SmtpServer plain = new SmtpServer(SmtpHarness.config(), server.mailboxes());
            assertThat(plain.requiresTls()).isFalse();
            assertThatThrownBy(plain::requiringTls).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
