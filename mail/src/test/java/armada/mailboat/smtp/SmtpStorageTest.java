package armada.mailboat.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import armada.mailboat.config.ServerConfig;
import armada.mailboat.store.FullDisk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What SMTP says about storage: quotas (452 now, 552 never), a full disk (452), and who a recipient is. */
class SmtpStorageTest {

    @TempDir
    Path root;

    private static void mailFrom(SmtpClient c, String from) throws IOException {
        assertThat(c.call("MAIL FROM:<" + from + ">")).startsWith("250 ");
    }

    @Test
    void mailboxOverQuota_is452AndTheOwnerCanMakeRoom() throws IOException {
        // The owner can make room, so the client should retry (452 4.2.2), not bounce: at DATA,
        // where the real size does not fit, and at RCPT once the mailbox is over its quota (here
        // a mail reader's file in cur/ counts too); bob, under his quota, is served all along.
        ServerConfig config = SmtpHarness.config().withQuota(1000);
        try (SmtpHarness server = SmtpHarness.start(root, config); SmtpClient c = server.connect()) {
            c.hello();
            mailFrom(c, "s@b.test");
            assertThat(c.call("RCPT TO:<alice@localhost>")).startsWith("250 ");
            assertThat(c.call("DATA")).startsWith("354");
            assertThat(c.call("x".repeat(300) + "\r\n.")).startsWith("250 ");
            mailFrom(c, "s@b.test");
            assertThat(c.call("RCPT TO:<alice@localhost>")).startsWith("250 ");
            assertThat(c.call("DATA")).startsWith("354");
            assertThat(c.call("y".repeat(700) + "\r\n."))
                    .isEqualTo("452 4.2.2 <alice@localhost>: mailbox full, try again later");
            assertThat(server.inbox("alice")).hasSize(1);
            Path seen = root.resolve("alice/cur/old.0:2,S");
            java.nio.file.Files.write(seen, new byte[600]);
            mailFrom(c, "s@b.test");
            assertThat(c.call("RCPT TO:<alice@localhost>"))
                    .isEqualTo("452 4.2.2 <alice@localhost>: mailbox full, try again later");
            assertThat(c.call("RCPT TO:<bob@localhost>")).startsWith("250 ");
            // The owner deletes a message: there is room again.
            java.nio.file.Files.delete(seen);
            assertThat(c.call("RCPT TO:<alice@localhost>")).startsWith("250 ");
        }
    }

    @Test
    void declaredSizeOverTheWholeQuota_is552AtRcpt() throws IOException {
        // RFC 1870 SIZE lets the server refuse before the data is sent; a message bigger than
        // the whole quota can never fit (552 5.2.2), while one that fits later is 452.
        ServerConfig config = SmtpHarness.config().withQuota(1000);
        try (SmtpHarness server = SmtpHarness.start(root, config); SmtpClient c = server.connect()) {
            c.hello();
            assertThat(c.call("MAIL FROM:<s@b.test> SIZE=5000")).startsWith("250 ");
            assertThat(c.call("RCPT TO:<alice@localhost>"))
                    .isEqualTo("552 5.2.2 <alice@localhost>: message exceeds the mailbox quota");
            assertThat(c.call("RSET")).startsWith("250 ");
            assertThat(c.call("MAIL FROM:<s@b.test> SIZE=500")).startsWith("250 ");
            assertThat(c.call("RCPT TO:<alice@localhost>")).startsWith("250 ");
        }
    }

    @Test
    void diskFullDuringDelivery_is452AndNoPartialFileStays() throws IOException {
        // The write fails half way (ENOSPC): the client is told to retry (452 4.3.1), the partial
        // file in tmp/ is gone, and once there is room the retry is delivered.
        AtomicReference<FullDisk> disk = new AtomicReference<>();
        UnaryOperator<armada.mailboat.store.Mailboxes.Builder> failing = b -> b.fileSystem(fs -> {
            FullDisk d = new FullDisk(fs);
            disk.set(d);
            return d;
        });
        try (SmtpHarness server = SmtpHarness.start(root, SmtpHarness.config(), failing, UnaryOperator.identity());
                SmtpClient c = server.connect()) {
            c.hello();
            disk.get().full = true;
            mailFrom(c, "s@b.test");
            assertThat(c.call("RCPT TO:<alice@localhost>")).startsWith("250 ");
            assertThat(c.call("DATA")).startsWith("354");
            assertThat(c.call("Subject: big\r\n\r\n" + ("z".repeat(70) + "\r\n").repeat(70) + "."))
                    .isEqualTo("452 4.3.1 insufficient system storage, try again later");
            assertThat(server.temporary("alice")).isEmpty();
            assertThat(server.inbox("alice")).isEmpty();
            disk.get().full = false;
            mailFrom(c, "s@b.test");
            assertThat(c.call("RCPT TO:<alice@localhost>")).startsWith("250 ");
            assertThat(c.call("DATA")).startsWith("354");
            assertThat(c.call("Subject: big\r\n\r\n" + ("z".repeat(70) + "\r\n").repeat(70) + ".")).startsWith("250 ");
            assertThat(server.inbox("alice")).hasSize(1);
        }
    }

    @Test
    void upperCaseLocalPart_deliversToTheLowerCaseUserOnce() throws IOException {
        // Alice@ and alice@ are one mailbox: accepted, and one copy for the two addresses.
        try (SmtpHarness server = SmtpHarness.start(root, SmtpHarness.config()); SmtpClient c = server.connect()) {
            c.hello();
            mailFrom(c, "s@b.test");
            assertThat(c.call("RCPT TO:<Alice@localhost>")).isEqualTo("250 2.1.5 recipient OK");
            assertThat(c.call("RCPT TO:<ALICE@localhost>")).isEqualTo("250 2.1.5 recipient OK");
            assertThat(c.call("DATA")).startsWith("354");
            assertThat(c.call("hi\r\n.")).isEqualTo("250 2.0.0 message delivered to 1 recipient");
            assertThat(server.inbox("alice")).hasSize(1);
        }
    }

    @Test
    void postmasterAlias_deliversToTheConfiguredUser() throws IOException {
        // RFC 5321 4.5.1: postmaster must work at every served domain, and bare <postmaster> too.
        ServerConfig config = SmtpHarness.config().withNames("mx.test", SmtpHarness.config().domains(), "carol");
        try (SmtpHarness server = SmtpHarness.start(root, config); SmtpClient c = server.connect()) {
            c.hello();
            mailFrom(c, "s@b.test");
            assertThat(c.call("RCPT TO:<Postmaster@example.test>")).startsWith("250 ");
            assertThat(c.call("DATA")).startsWith("354");
            assertThat(c.call("one\r\n.")).startsWith("250 ");
            mailFrom(c, "s@b.test");
            assertThat(c.call("RCPT TO:<postmaster>")).startsWith("250 ");
            assertThat(c.call("DATA")).startsWith("354");
            assertThat(c.call("two\r\n.")).startsWith("250 ");
            assertThat(server.inbox("carol")).hasSize(2);
            assertThat(server.inbox("postmaster")).isEmpty();
        }
    }
}
