package armada.mailboat.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.mailboat.UserLocks;
import armada.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ends up in the Maildirs, byte for byte, and when the client is told so. */
class SmtpDeliveryTest {

    private static final String RECEIVED = "Return-Path: <sender@b.test>\n"
            + "Received: from client.test ([127.0.0.1]) by mx.test (Mailboat) with ESMTP; "
            + SmtpHarness.DATE + "\n";

    @TempDir
    Path root;

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static void envelope(SmtpClient c, String... recipients) throws IOException {
        assertThat(c.call("MAIL FROM:<sender@b.test>")).startsWith("250 ");
        for (String r : recipients) {
            assertThat(c.call("RCPT TO:<" + r + ">")).startsWith("250 ");
        }
        assertThat(c.call("DATA")).isEqualTo("354 end data with <CR><LF>.<CR><LF>");
    }

    @Test
    void deliveredMessage_isInNewWhenThe250Arrives_withReceivedPrependedAndExactBytes() throws IOException {
        // Mailboat.deliver returns only once the link in new/ is durable, and the 250 is sent
        // after it: so the file must already be there when the client reads the 250. Apart from
        // the Received line the stored bytes are the message as sent, dot-unstuffed.
        try (SmtpHarness server = SmtpHarness.start(root, SmtpHarness.config()); SmtpClient c = server.connect()) {
            c.hello();
            envelope(c, "alice@localhost");
            assertThat(server.inbox("alice")).isEmpty();
            String reply = c.call("Subject: hi\r\n\r\nhello \u00e9\r\n..leading dot\r\n.x\r\n\r\nend\r\n.");
            assertThat(reply).isEqualTo("250 2.0.0 message delivered to 1 recipient");
            assertThat(server.inbox("alice")).singleElement().extracting(SmtpDeliveryTest::text)
                    .isEqualTo(RECEIVED + "Subject: hi\n\nhello \u00e9\n.leading dot\nx\n\nend\n");
            assertThat(server.temporary("alice")).isEmpty();
        }
    }

    @Test
    void emptyMessage_isStoredAsTheReceivedLineAlone() throws IOException {
        // The data ends at once; what is stored is the trace header and nothing else.
        try (SmtpHarness server = SmtpHarness.start(root, SmtpHarness.config()); SmtpClient c = server.connect()) {
            c.hello();
            envelope(c, "alice@localhost");
            assertThat(c.call(".")).startsWith("250 ");
            assertThat(server.inbox("alice")).singleElement().extracting(SmtpDeliveryTest::text).isEqualTo(RECEIVED);
        }
    }

    @Test
    void severalRecipients_eachGetTheirOwnCopyAndDuplicatesOnlyOne() throws IOException {
        // One atomic delivery per distinct recipient; naming alice twice is one recipient.
        try (SmtpHarness server = SmtpHarness.start(root, SmtpHarness.config()); SmtpClient c = server.connect()) {
            c.hello();
            envelope(c, "alice@localhost", "bob@example.test", "alice@LOCALHOST");
            assertThat(c.call("Subject: all\r\n.")).isEqualTo("250 2.0.0 message delivered to 2 recipients");
            String expected = RECEIVED + "Subject: all\n";
            assertThat(server.inbox("alice")).singleElement().extracting(SmtpDeliveryTest::text).isEqualTo(expected);
            assertThat(server.inbox("bob")).singleElement().extracting(SmtpDeliveryTest::text).isEqualTo(expected);
            assertThat(server.inbox("carol")).isEmpty();
        }
    }

    @Test
    void twoTransactionsInOneSession_areTwoIndependentMessages() throws IOException {
        // The envelope is per transaction: the second message goes to its own recipients only.
        try (SmtpHarness server = SmtpHarness.start(root, SmtpHarness.config()); SmtpClient c = server.connect()) {
            c.hello();
            envelope(c, "alice@localhost");
            c.call("one\r\n.");
            envelope(c, "bob@localhost");
            c.call("two\r\n.");
            assertThat(server.inbox("alice")).singleElement().extracting(SmtpDeliveryTest::text)
                    .isEqualTo(RECEIVED + "one\n");
            assertThat(server.inbox("bob")).singleElement().extracting(SmtpDeliveryTest::text)
                    .isEqualTo(RECEIVED + "two\n");
        }
    }

    @Test
    void heloSession_isRecordedAsSmtp() throws IOException {
        // RFC 3848: HELO sessions are "with SMTP", EHLO ones "with ESMTP".
        try (SmtpHarness server = SmtpHarness.start(root, SmtpHarness.config()); SmtpClient c = server.connect()) {
            c.reply();
            c.call("HELO old.test");
            envelope(c, "alice@localhost");
            c.call("x\r\n.");
            assertThat(server.inbox("alice")).singleElement().extracting(SmtpDeliveryTest::text).isEqualTo(
                    "Return-Path: <sender@b.test>\nReceived: from old.test ([127.0.0.1]) by mx.test (Mailboat) with SMTP; " + SmtpHarness.DATE
                            + "\nx\n");
        }
    }

    @Test
    void bareLfOrCrInData_is550AndNothingIsStored() throws IOException {
        // SMTP smuggling: a bare LF before "." must not end the data, and a message holding
        // one is refused whole; the real end (CRLF.CRLF) keeps the session in step.
        try (SmtpHarness server = SmtpHarness.start(root, SmtpHarness.config()); SmtpClient c = server.connect()) {
            c.hello();
            envelope(c, "alice@localhost");
            assertThat(c.call("Subject: a\r\n\r\nx\n.\nMAIL FROM:<evil@x.test>\r\n."))
                    .isEqualTo("550 5.6.0 bare LF or CR in message");
            assertThat(c.call("RCPT TO:<alice@localhost>")).isEqualTo("503 5.5.1 need MAIL before RCPT");
            envelope(c, "alice@localhost");
            assertThat(c.call("x\ry\r\n.")).isEqualTo("550 5.6.0 bare LF or CR in message");
            assertThat(server.inbox("alice")).isEmpty();
            assertThat(server.temporary("alice")).isEmpty();
        }
    }

    @Test
    void pipelinedBurstInOneWrite_getsEveryReplyInOrder() throws IOException {
        // RFC 2920: the client sends EHLO, MAIL, RCPTs and DATA without waiting; the server
        // answers each in turn (the refused recipient in its place), 354 last. Then the text,
        // the end of data and QUIT in one more write.
        try (SmtpHarness server = SmtpHarness.start(root, SmtpHarness.config()); SmtpClient c = server.connect()) {
            c.reply();
            c.write("EHLO client.test\r\nMAIL FROM:<sender@b.test>\r\nRCPT TO:<alice@localhost>\r\n"
                    + "RCPT TO:<nobody@localhost>\r\nRCPT TO:<bob@localhost>\r\nDATA\r\n");
            assertThat(c.reply()).startsWith("250-mx.test greets client.test\n250-PIPELINING");
            assertThat(c.reply()).isEqualTo("250 2.1.0 sender OK");
            assertThat(c.reply()).isEqualTo("250 2.1.5 recipient OK");
            assertThat(c.reply()).isEqualTo("550 5.1.1 <nobody@localhost>: unknown user");
            assertThat(c.reply()).isEqualTo("250 2.1.5 recipient OK");
            assertThat(c.reply()).startsWith("354 ");
            c.write("Subject: piped\r\n\r\nbody\r\n.\r\nNOOP\r\nQUIT\r\n");
            assertThat(c.reply()).isEqualTo("250 2.0.0 message delivered to 2 recipients");
            assertThat(c.reply()).isEqualTo("250 2.0.0 OK");
            assertThat(c.reply()).isEqualTo("221 2.0.0 mx.test closing connection");
            assertThat(c.closedByServer()).isTrue();
            assertThat(server.inbox("alice")).singleElement().extracting(SmtpDeliveryTest::text)
                    .isEqualTo(RECEIVED + "Subject: piped\n\nbody\n");
            assertThat(server.inbox("bob")).hasSize(1);
        }
    }

    @Test
    void pipelinedBurstWithBadSequence_answersEachCommandInOrder() throws IOException {
        // Errors in a burst are answered in place; the commands after them still run.
        try (SmtpHarness server = SmtpHarness.start(root, SmtpHarness.config()); SmtpClient c = server.connect()) {
            c.hello();
            c.write("RCPT TO:<alice@localhost>\r\nDATA\r\nMAIL FROM:<>\r\nMAIL FROM:<>\r\nRSET\r\nNOOP\r\n");
            assertThat(c.reply()).isEqualTo("503 5.5.1 need MAIL before RCPT");
            assertThat(c.reply()).isEqualTo("503 5.5.1 need RCPT before DATA");
            assertThat(c.reply()).isEqualTo("250 2.1.0 sender OK");
            assertThat(c.reply()).isEqualTo("503 5.5.1 nested MAIL command");
            assertThat(c.reply()).isEqualTo("250 2.0.0 OK");
            assertThat(c.reply()).isEqualTo("250 2.0.0 OK");
        }
    }

    /**
     * A Mailboat whose delivery to bob throws, as a full disk would: the failure the DATA
     * reply must report without pretending that nothing was delivered.
     */
    static final class FailingForBob extends Mailboat {

        FailingForBob(World world, UserLocks locks, String root) {
            super(world, MailboatConfig.DEFAULT, locks, root);
        }

        @Override
        public boolean deliver(String user, byte[] message) {
            if (user.equals("bob")) {
                throw new UncheckedIOException(new IOException("read-only file system"));
            }
            return super.deliver(user, message);
        }
    }

    @Test
    void deliveryThrowsForOneRecipient_is451NamingItAndEarlierCopiesStay() throws IOException {
        // alice's copy is durable before bob's delivery fails; it cannot be taken back, so the
        // reply says so. carol, after the failure, is not tried: the client's retry serves her once.
        try (SmtpHarness server = SmtpHarness.start(root, SmtpHarness.config(),
                SmtpHarness.library(FailingForBob::new), UnaryOperator.identity()); SmtpClient c = server.connect()) {
            c.hello();
            envelope(c, "alice@localhost", "bob@localhost", "carol@localhost");
            assertThat(c.call("x\r\n.")).isEqualTo(
                    "451 4.3.0 delivery failed for <bob@localhost>; already delivered to <alice@localhost>");
            assertThat(server.inbox("alice")).hasSize(1);
            assertThat(server.inbox("bob")).isEmpty();
            assertThat(server.inbox("carol")).isEmpty();
            assertThat(c.call("RCPT TO:<carol@localhost>")).isEqualTo("503 5.5.1 need MAIL before RCPT");
        }
    }
}
