package armada.mailboat.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Send/expect dialogues with the POP3 server over 127.0.0.1, without TLS: login and the session. */
class Pop3DialogueTest extends Pop3SessionTest {

    @Test
    void rightPassword_logsInWithTheMaildropSize() throws IOException {
        // Greeting, USER, PASS; the login reply gives the count and the CRLF-form size.
        pop.deliver("alice", Pop3MessagesTest.BARE_LF);
        pop.deliver("alice", Pop3MessagesTest.CRLF);
        try (Pop3Client c = pop.connect()) {
            assertThat(c.line()).isEqualTo("+OK pop.test Mailboat POP3 ready");
            assertThat(c.ask("USER alice")).isEqualTo("+OK send PASS");
            assertThat(c.ask("PASS alice-pw")).isEqualTo("+OK maildrop has 2 messages (" + (34 + 43) + " octets)");
            assertThat(pop.server().liveSessions()).containsExactly("alice");
            assertThat(c.ask("QUIT")).isEqualTo("+OK pop.test Mailboat POP3 signing off (2 messages left)");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void wrongPasswordAndUnknownUser_getTheSameReplyAfterTheDelay() throws IOException {
        // Neither the text nor the time may tell an attacker whether the user exists; each failure
        // waits at least authFailureDelay.
        try (Pop3Client c = pop.connect()) {
            c.line();
            for (String user : List.of("alice", "nobody", "../etc")) {
                assertThat(c.ask("USER " + user)).isEqualTo("+OK send PASS");
                long t0 = System.nanoTime();
                assertThat(c.ask("PASS wrong")).as(user).isEqualTo("-ERR [AUTH] invalid user or password");
                assertThat(System.nanoTime() - t0).as(user).isGreaterThanOrEqualTo(Pop3Harness.AUTH_DELAY.toNanos());
            }
            // After a failure the client starts again with USER (RFC 1939 section 7).
            assertThat(c.ask("PASS alice-pw")).isEqualTo("-ERR send USER first");
            assertThat(c.ask("STAT")).isEqualTo("-ERR command not valid in this state");
        }
        assertThat(pop.server().liveSessions()).isEmpty();
    }

    @Test
    void passwordWithSpaces_isTakenWhole() throws IOException {
        // PASS takes the rest of the line (RFC 1939 section 7), so spaces are part of the password.
        try (Pop3Client c = pop.connect()) {
            c.line();
            assertThat(c.login("carol", "correct horse battery")).startsWith("+OK maildrop has 0 messages");
        }
    }

    @Test
    void secondSession_getsInUseAtOnce() throws IOException {
        // The library's lock would block the second Pickup; the server's registry answers IN-USE
        // instead, and frees the mailbox when the first session quits.
        try (Pop3Client first = pop.connect(); Pop3Client second = pop.connect()) {
            first.line();
            second.line();
            first.loginOk("alice");
            assertThat(second.login("alice", "alice-pw")).isEqualTo("-ERR [IN-USE] mailbox already locked");
            assertThat(first.ask("QUIT")).startsWith("+OK");
            assertThat(first.closedByServer()).isTrue();
            second.loginOk("alice");
        }
    }

    @Test
    void noop_saysOkOnlyWhenLoggedIn() throws IOException {
        // NOOP is a TRANSACTION command (RFC 1939 section 5).
        try (Pop3Client c = pop.connect()) {
            c.line();
            assertThat(c.ask("NOOP")).isEqualTo("-ERR command not valid in this state");
            c.loginOk("bob");
            assertThat(c.ask("NOOP")).isEqualTo("+OK");
            assertThat(c.ask("noop")).isEqualTo("+OK");
            assertThat(c.ask("NOOP x")).isEqualTo("-ERR syntax error");
        }
    }

    @Test
    void capa_listsWhatIsSupportedAndNoStlsWithoutTls() throws IOException {
        // RFC 2449: the listing in both states; no TLS context, so no STLS, and STLS is refused.
        try (Pop3Client c = pop.connect()) {
            c.line();
            assertThat(c.ask("CAPA")).isEqualTo("+OK capability list follows");
            assertThat(c.body()).containsExactly("TOP", "UIDL", "USER", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING",
                    "IMPLEMENTATION Mailboat");
            assertThat(c.ask("STLS")).isEqualTo("-ERR TLS not available");
            c.loginOk("bob");
            assertThat(c.ask("CAPA")).startsWith("+OK");
            assertThat(c.body()).contains("TOP", "UIDL").doesNotContain("STLS");
            assertThat(c.ask("STLS")).isEqualTo("-ERR command not valid in this state");
        }
    }

    @Test
    void lineOver255Octets_isRefusedAndTheSessionGoesOn() throws IOException {
        // RFC 2449: a command line is at most 255 octets with its CRLF. The long line is skipped
        // whole; its tail is not taken as a command.
        try (Pop3Client c = pop.connect()) {
            c.line();
            assertThat(c.ask("USER " + "a".repeat(248))).isEqualTo("+OK send PASS");
            assertThat(c.ask("USER " + "a".repeat(249))).isEqualTo("-ERR line too long");
            assertThat(c.ask("USER " + "a".repeat(400) + " QUIT")).isEqualTo("-ERR line too long");
            assertThat(c.ask("CAPA")).startsWith("+OK");
            c.body();
        }
    }

    @Test
    void malformedAndUnknownCommands_areErrors() throws IOException {
        // Parsing comes first: control characters and empty lines are syntax errors, an unknown
        // keyword is unknown, a known one in the wrong state is refused.
        try (Pop3Client c = pop.connect()) {
            c.line();
            assertThat(c.ask("XYZZY")).isEqualTo("-ERR unknown command");
            assertThat(c.ask("US\0ER alice")).isEqualTo("-ERR syntax error");
            assertThat(c.ask("")).isEqualTo("-ERR syntax error");
            assertThat(c.ask("1234")).isEqualTo("-ERR syntax error");
        }
    }

    @Test
    void tooManyErrors_closesTheSession() throws IOException {
        // After maxErrors error replies the server says so and closes, so a client cannot guess
        // passwords or send garbage forever on one connection.
        try (Pop3Client c = pop.connect()) {
            c.line();
            for (int i = 0; i < Pop3Harness.MAX_ERRORS - 1; i++) {
                assertThat(c.ask("BOGUS")).isEqualTo("-ERR unknown command");
            }
            assertThat(c.login("alice", "wrong")).isEqualTo("-ERR [AUTH] invalid user or password");
            assertThat(c.line()).isEqualTo("-ERR too many errors, closing connection");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void quitBeforeLogin_signsOff() throws IOException {
        // QUIT in AUTHORIZATION ends the session without touching any mailbox.
        try (Pop3Client c = pop.connect()) {
            c.line();
            assertThat(c.ask("QUIT")).isEqualTo("+OK pop.test Mailboat POP3 signing off");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void userInTransaction_isRefused() throws IOException {
        // USER and PASS belong to AUTHORIZATION only.
        try (Pop3Client c = pop.connect()) {
            c.line();
            c.loginOk("bob");
            assertThat(c.ask("USER alice")).isEqualTo("-ERR command not valid in this state");
            assertThat(c.ask("PASS alice-pw")).isEqualTo("-ERR command not valid in this state");
        }
    }
}
