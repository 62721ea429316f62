package armada.mailboat.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import armada.mailboat.TestTls;
import armada.mailboat.log.LogCapture;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The submission service: AUTH PLAIN or LOGIN, only after STARTTLS, with the users' own
 * passwords, before MAIL; then mail for local users. Angus Mail (an unchanged real client) and
 * raw dialogues for what a polite client never sends.
 */
class SubmissionTest {

    @TempDir
    Path root;

    private SmtpHarness start() throws IOException {
        return SmtpHarness.start(root, SmtpHarness.config(TestTls.server()), UnaryOperator.identity(),
                SmtpServer::submission);
    }

    private static Properties angus(SmtpHarness server, String mechanism) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(server.address().getPort()));
        p.put("mail.smtp.localhost", "client.test");
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.socketFactory", TestTls.client().getSocketFactory());
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.auth.mechanisms", mechanism);
        return p;
    }

    private static void send(Properties p, String user, String password) throws MessagingException {
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(user + "@localhost"));
        m.setRecipients(Message.RecipientType.TO, "bob@localhost");
        m.setSubject("submitted");
        m.setText("sent by " + user + "\n", "US-ASCII");
        Transport.send(m, user, password);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "LOGIN"})
    void angusWithTlsAndThePassword_submitsAndIsLogged(String mechanism) throws Exception {
        // Both mechanisms, as a mail program sends them; the Received line says ESMTPSA
        // (RFC 3848: TLS and authenticated) and the log has the successful AUTH.
        try (SmtpHarness server = start(); LogCapture log = new LogCapture()) {
            send(angus(server, mechanism), "alice", "alice-password");
            assertThat(server.inbox("bob")).singleElement()
                    .extracting(b -> new String(b, StandardCharsets.ISO_8859_1))
                    .asString().contains("(Mailboat) with ESMTPSA; ").contains("sent by alice");
            assertThat(log.lines()).anyMatch(l -> l.matches("\\S+ INFO event=auth service=submission "
                    + "client=127\\.0\\.0\\.1 result=ok mechanism=" + mechanism + " user=alice"));
        }
    }

    @Test
    void angusWithAWrongPassword_isRefusedAndNothingIsSent() throws Exception {
        // 535 5.7.8: Angus reports an authentication failure; nothing reaches bob; the failure
        // is logged for fail2ban.
        try (SmtpHarness server = start(); LogCapture log = new LogCapture()) {
            assertThatThrownBy(() -> send(angus(server, "PLAIN"), "alice", "wrong-password"))
                    .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("535");
            assertThat(server.inbox("bob")).isEmpty();
            assertThat(log.lines()).anyMatch(l -> l.contains("event=auth service=submission client=127.0.0.1 "
                    + "result=fail mechanism=PLAIN user=alice"));
        }
    }

    @Test
    void authBeforeStartTls_isRefusedAndNotOffered() throws IOException {
        // RFC 4954 4: a password must not cross the network in plaintext. EHLO does not offer
        // AUTH before TLS, AUTH is 538, and MAIL is 530 (TLS first).
        try (SmtpHarness server = start(); SmtpClient c = server.connect()) {
            assertThat(c.reply()).startsWith("220 ");
            assertThat(c.call("EHLO client.test")).doesNotContain("AUTH").contains("STARTTLS");
            assertThat(c.call("AUTH PLAIN " + b64("\0alice\0alice-password")))
                    .isEqualTo("538 5.7.11 encryption required for requested authentication mechanism");
            assertThat(c.call("MAIL FROM:<alice@localhost>")).isEqualTo("530 5.7.0 must issue a STARTTLS command first");
        }
    }

    @Test
    void afterTls_mailNeedsAuthAndTheDialoguesOfBothMechanismsWork() throws IOException {
        // In TLS: MAIL before AUTH is 530 5.7.0; a wrong password 535; LOGIN's two challenges;
        // "*" cancels (501); a second AUTH after success is out of sequence (503).
        try (SmtpHarness server = start(); SmtpClient c = server.connect()) {
            c.hello();
            assertThat(c.call("STARTTLS")).startsWith("220 ");
            c.startTls(TestTls.client());
            assertThat(c.call("EHLO client.test")).contains("AUTH PLAIN LOGIN").doesNotContain("STARTTLS");
            assertThat(c.call("MAIL FROM:<alice@localhost>")).isEqualTo("530 5.7.0 authentication required");
            assertThat(c.call("AUTH PLAIN " + b64("\0alice\0nope"))).isEqualTo("535 5.7.8 authentication credentials invalid");
            assertThat(c.call("AUTH LOGIN")).isEqualTo("334 VXNlcm5hbWU6");
            assertThat(c.call("*")).isEqualTo("501 5.0.0 authentication cancelled");
            assertThat(c.call("AUTH CRAM-MD5")).startsWith("504 5.5.4");
            assertThat(c.call("AUTH LOGIN")).isEqualTo("334 VXNlcm5hbWU6");
            assertThat(c.call(b64("alice"))).isEqualTo("334 UGFzc3dvcmQ6");
            assertThat(c.call(b64("alice-password"))).isEqualTo("235 2.7.0 authentication successful");
            assertThat(c.call("AUTH PLAIN " + b64("\0alice\0alice-password"))).startsWith("503 ");
            assertThat(c.call("MAIL FROM:<alice@localhost>")).startsWith("250 ");
            assertThat(c.call("RCPT TO:<someone@example.com>")).isEqualTo("550 5.7.1 relaying denied");
            assertThat(c.call("RCPT TO:<bob@localhost>")).startsWith("250 ");
        }
    }

    @Test
    void portTwentyFiveService_doesNotOfferAuth() throws IOException {
        // AUTH belongs to submission only; the MX service answers it as not implemented.
        try (SmtpHarness server = SmtpHarness.start(root, SmtpHarness.config(TestTls.server()));
                SmtpClient c = server.connect()) {
            c.hello();
            assertThat(c.call("AUTH PLAIN " + b64("\0alice\0alice-password"))).isEqualTo("502 5.5.1 command not implemented");
        }
    }
}
