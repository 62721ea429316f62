package armada.mailboat.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import armada.mailboat.config.ServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts and pauses: what they end, and what they must not hold up. */
class Pop3LimitsTest {

    @TempDir
    Path root;

    @Test
    void idleTimeout_closesWithoutDeletingAndFreesTheMailbox() throws IOException {
        // RFC 1939 section 3: an autologout timer closes the session without entering UPDATE.
        try (Pop3Harness pop = Pop3Harness.start(root, Pop3Harness.config(null), InetAddress.getLoopbackAddress(),
                Duration.ofMillis(300))) {
            pop.deliver("alice", "Subject: keep\r\n\r\nme\r\n");
            List<String> before = pop.inbox("alice");
            try (Pop3Client c = pop.connect()) {
                c.line();
                c.loginOk("alice");
                assertThat(c.ask("DELE 1")).startsWith("+OK");
                assertThat(c.closedByServer()).isTrue();
            }
            assertThat(pop.inbox("alice")).isEqualTo(before);
            assertThat(pop.server().liveSessions()).isEmpty();
            try (Pop3Client c = pop.connect()) {
                c.line();
                assertThat(c.login("alice", "alice-pw")).startsWith("+OK maildrop has 1 messages");
            }
        }
    }

    @Test
    void authFailurePause_doesNotHoldUpOtherSessions() throws IOException {
        // The pause is a sleep on the failing session's own virtual thread: while one client
        // waits out its pause (made far longer than the test, so nothing here depends on how
        // fast the machine is), another logs in, reads and quits, and the first still has no reply.
        Duration pause = Duration.ofMinutes(10);
        ServerConfig base = Pop3Harness.config(null);
        ServerConfig config = base.withLimits(base.maxConnections(), base.idleTimeout(), base.maxMessageSize(),
                base.maxRecipients(), base.maxErrors(), pause);
        try (Pop3Harness pop = Pop3Harness.start(root, config); Pop3Client slow = pop.connect();
                Pop3Client fast = pop.connect()) {
            slow.line();
            fast.line();
            assertThat(slow.ask("USER alice")).startsWith("+OK");
            slow.send("PASS wrong");
            fast.loginOk("bob");
            assertThat(fast.ask("STAT")).startsWith("+OK");
            assertThat(fast.ask("QUIT")).startsWith("+OK");
            assertThat(slow.hasInput()).as("the failed login is still paused").isFalse();
        }
    }
}
