package armada.mailboat.smtp;

import armada.mailboat.TestTls;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real client, unchanged: Angus Mail (Jakarta Mail) sends through the server. */
class AngusMailTest {

    @TempDir
    Path root;

    private static Properties properties(SmtpHarness server) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(server.address().getPort()));
        p.put("mail.smtp.localhost", "client.test");
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        return p;
    }

    private static void send(Properties p) throws MessagingException {
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("sender@client.test"));
        m.setRecipients(Message.RecipientType.TO, "alice@localhost, bob@example.test");
        m.setSubject("Hello from Angus");
        m.setText("first line\n.starts with a dot\n", "US-ASCII");
        Transport.send(m);
    }

    private static String only(SmtpHarness server, String user) {
        assertThat(server.inbox(user)).hasSize(1);
        return new String(server.inbox(user).getFirst(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void plainSession_storesOneCopyPerRecipient() throws IOException, MessagingException {
        // Angus pipelines nothing by default but does EHLO, MAIL with SIZE/BODY parameters when
        // advertised, RCPT per recipient, and dot-stuffs the text; each user gets the message.
        try (SmtpHarness server = SmtpHarness.start(root, SmtpHarness.config())) {
            send(properties(server));
            for (String user : new String[] {"alice", "bob"}) {
                String stored = only(server, user);
                assertThat(stored).startsWith("Return-Path: <").contains(">\nReceived: from client.test ([127.0.0.1]) "
                        + "by mx.test (Mailboat) with ESMTP; " + SmtpHarness.DATE + "\n");
                // Stored with LF line endings, the Maildir convention; the dot line unstuffed.
                assertThat(stored).contains("\nSubject: Hello from Angus\n").doesNotContain("\r")
                        .endsWith("\n\nfirst line\n.starts with a dot\n");
            }
        }
    }

    @Test
    void startTlsRequired_sessionGoesOverTlsAndStores() throws IOException, MessagingException {
        // The client insists on STARTTLS and trusts only the test certificate, checking that it
        // names 127.0.0.1; the Received header records ESMTPS.
        try (SmtpHarness server = SmtpHarness.start(root, SmtpHarness.config(TestTls.server()))) {
            Properties p = properties(server);
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
            p.put("mail.smtp.ssl.socketFactory", TestTls.client().getSocketFactory());
            p.put("mail.smtp.ssl.checkserveridentity", "true");
            send(p);
            String stored = only(server, "alice");
            assertThat(stored).startsWith("Return-Path: <")
                    .contains(">\nReceived: from client.test ([127.0.0.1]) by mx.test (Mailboat) with ESMTPS; ");
            assertThat(stored).contains("\nSubject: Hello from Angus\n");
            assertThat(only(server, "bob")).isEqualTo(stored);
        }
    }
}
