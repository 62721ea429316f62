package armada.mailboat.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the mail library fails, the client hears it and the mailbox is never left locked. */
class Pop3FaultsTest {

    @TempDir
    Path root;

    FailingMailboat mail;
    Pop3Harness pop;

    @BeforeEach
    void start() throws IOException {
        pop = Pop3Harness.start(root, Pop3Harness.config(null), (w, locks, r) -> mail = new FailingMailboat(w, locks, r));
    }

    @AfterEach
    void stop() throws IOException {
        pop.close();
    }

    @Test
    void deleteFailsAtQuit_saysSoAndUnlocks() throws IOException {
        // RFC 1939: QUIT answers -ERR if some deleted messages were not removed. The lock is
        // released all the same, so the next login works and still sees the message.
        pop.deliver("alice", "Subject: x\r\n\r\nx\r\n");
        mail.failDelete = true;
        try (Pop3Client c = pop.connect()) {
            c.line();
            c.loginOk("alice");
            assertThat(c.ask("DELE 1")).startsWith("+OK");
            assertThat(c.ask("QUIT")).isEqualTo("-ERR [SYS/TEMP] some deleted messages not removed");
            assertThat(c.closedByServer()).isTrue();
        }
        mail.failDelete = false;
        try (Pop3Client c = pop.connect()) {
            c.line();
            assertThat(c.login("alice", "alice-pw")).startsWith("+OK maildrop has 1 messages");
        }
    }

    @Test
    void pickupFailsAfterLocking_releasesTheLock() throws IOException {
        // If Pickup took the lock and then failed, the session must unlock; otherwise the next
        // Pickup would block for ever (the client would time out here).
        mail.failFirstPickup = true;
        try (Pop3Client c = pop.connect()) {
            c.line();
            assertThat(c.login("alice", "alice-pw")).isEqualTo("-ERR [SYS/TEMP] mailbox not available");
            assertThat(c.ask("STAT")).isEqualTo("-ERR command not valid in this state");
            c.loginOk("alice");
            assertThat(c.ask("QUIT")).startsWith("+OK");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(pop.server().liveSessions()).isEmpty();
    }
}
