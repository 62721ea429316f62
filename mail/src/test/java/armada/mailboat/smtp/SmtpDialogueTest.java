package armada.mailboat.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command and its sequence errors, as send/expect dialogues over an ephemeral port. */
class SmtpDialogueTest {

    @TempDir
    Path root;

    private SmtpHarness server;

    @BeforeEach
    void start() throws IOException {
        server = SmtpHarness.start(root, SmtpHarness.config());
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void connect_greetsWithHostname() throws IOException {
        // RFC 5321 4.3.1: the server speaks first, with 220 and its name.
        try (SmtpClient c = server.connect()) {
            assertThat(c.reply()).isEqualTo("220 mx.test ESMTP Mailboat");
        }
    }

    @Test
    void ehloWithoutTls_listsExtensionsButNotStartTls() throws IOException {
        // No TLS context is configured, so STARTTLS cannot be offered.
        try (SmtpClient c = server.connect()) {
            c.reply();
            assertThat(c.call("EHLO client.test")).isEqualTo("""
                    250-mx.test greets client.test
                    250-PIPELINING
                    250-8BITMIME
                    250-SIZE 10485760
                    250 ENHANCEDSTATUSCODES""");
        }
    }

    @Test
    void helo_answersWithHostnameOnly() throws IOException {
        // HELO is the pre-extension greeting: one line, no extension list.
        try (SmtpClient c = server.connect()) {
            c.reply();
            assertThat(c.call("HELO client.test")).isEqualTo("250 mx.test");
            assertThat(c.call("MAIL FROM:<a@b.test>")).isEqualTo("250 2.1.0 sender OK");
        }
    }

    @Test
    void noopRsetVrfy_workInAnyState() throws IOException {
        // They need no greeting; VRFY never reveals whether a user exists (RFC 5321 7.3).
        try (SmtpClient c = server.connect()) {
            c.reply();
            assertThat(c.call("NOOP")).isEqualTo("250 2.0.0 OK");
            assertThat(c.call("RSET")).isEqualTo("250 2.0.0 OK");
            assertThat(c.call("VRFY alice")).startsWith("252 2.0.0 ");
            assertThat(c.call("VRFY nobody")).startsWith("252 2.0.0 ");
            assertThat(c.call("VRFY")).startsWith("501 5.5.4 ");
        }
    }

    @Test
    void quit_says221AndCloses() throws IOException {
        // RFC 5321 4.1.1.10: 221, then the server closes.
        try (SmtpClient c = server.connect()) {
            c.hello();
            assertThat(c.call("QUIT")).isEqualTo("221 2.0.0 mx.test closing connection");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void unknownCommand_is500() throws IOException {
        // Not one of the implemented verbs.
        try (SmtpClient c = server.connect()) {
            c.hello();
            assertThat(c.call("EXPN staff")).isEqualTo("500 5.5.1 unknown command");
            assertThat(c.call("HELP")).isEqualTo("500 5.5.1 unknown command");
        }
    }

    @Test
    void startTlsWithoutTlsContext_isNotImplemented() throws IOException {
        // Nothing to start TLS with: 502, as for a command not implemented.
        try (SmtpClient c = server.connect()) {
            c.hello();
            assertThat(c.call("STARTTLS")).isEqualTo("502 5.5.1 command not implemented");
        }
    }

    @Test
    void mailBeforeEhlo_isBadSequence() throws IOException {
        // RFC 5321 4.1.4: a transaction needs a greeting first.
        try (SmtpClient c = server.connect()) {
            c.reply();
            assertThat(c.call("MAIL FROM:<a@b.test>")).isEqualTo("503 5.5.1 send HELO/EHLO first");
        }
    }

    @Test
    void rcptBeforeMail_isBadSequence() throws IOException {
        // RCPT needs an open transaction.
        try (SmtpClient c = server.connect()) {
            c.hello();
            assertThat(c.call("RCPT TO:<alice@localhost>")).isEqualTo("503 5.5.1 need MAIL before RCPT");
        }
    }

    @Test
    void dataWithoutRcpt_isBadSequence() throws IOException {
        // DATA needs at least one accepted recipient, and a refused one does not count.
        try (SmtpClient c = server.connect()) {
            c.hello();
            assertThat(c.call("DATA")).isEqualTo("503 5.5.1 need RCPT before DATA");
            c.call("MAIL FROM:<a@b.test>");
            assertThat(c.call("RCPT TO:<nobody@localhost>")).startsWith("550 ");
            assertThat(c.call("DATA")).isEqualTo("503 5.5.1 need RCPT before DATA");
        }
    }

    @Test
    void nestedMail_isBadSequence() throws IOException {
        // One transaction at a time (RFC 5321 4.1.4).
        try (SmtpClient c = server.connect()) {
            c.hello();
            c.call("MAIL FROM:<a@b.test>");
            assertThat(c.call("MAIL FROM:<a@b.test>")).isEqualTo("503 5.5.1 nested MAIL command");
        }
    }

    @Test
    void rset_endsTheTransactionButKeepsTheGreeting() throws IOException {
        // The per-transaction reset: the envelope goes, EHLO stays.
        try (SmtpClient c = server.connect()) {
            c.hello();
            c.call("MAIL FROM:<a@b.test>");
            c.call("RCPT TO:<alice@localhost>");
            assertThat(c.call("RSET")).isEqualTo("250 2.0.0 OK");
            assertThat(c.call("DATA")).isEqualTo("503 5.5.1 need RCPT before DATA");
            assertThat(c.call("MAIL FROM:<a@b.test>")).isEqualTo("250 2.1.0 sender OK");
        }
    }

    @Test
    void ehloInTransaction_resetsIt() throws IOException {
        // RFC 5321 4.1.4: a new EHLO is an implicit RSET.
        try (SmtpClient c = server.connect()) {
            c.hello();
            c.call("MAIL FROM:<a@b.test>");
            c.call("RCPT TO:<alice@localhost>");
            assertThat(c.call("EHLO again.test")).startsWith("250-mx.test greets again.test");
            assertThat(c.call("RCPT TO:<alice@localhost>")).isEqualTo("503 5.5.1 need MAIL before RCPT");
        }
    }

    @Test
    void syntaxErrors_are501() throws IOException {
        // Known verbs with arguments that do not parse.
        try (SmtpClient c = server.connect()) {
            c.reply();
            assertThat(c.call("EHLO")).isEqualTo("501 5.5.4 syntax: EHLO <domain>");
            c.call("EHLO client.test");
            assertThat(c.call("MAIL FROM:a@b.test")).startsWith("501 5.5.4 syntax: MAIL FROM:<address>");
            assertThat(c.call("MAIL TO:<a@b.test>")).startsWith("501 5.5.4 ");
            assertThat(c.call("MAIL FROM:<a@b.test> SIZE=big")).isEqualTo("501 5.5.4 syntax: SIZE=<digits>");
            c.call("MAIL FROM:<a@b.test>");
            assertThat(c.call("RCPT TO:alice@localhost")).isEqualTo("501 5.5.4 syntax: RCPT TO:<address>");
            assertThat(c.call("RCPT TO:<alice>")).isEqualTo("501 5.5.4 syntax: RCPT TO:<address>");
            assertThat(c.call("DATA please")).isEqualTo("501 5.5.4 syntax: DATA takes no arguments");
        }
    }

    @Test
    void unknownMailOrRcptParameter_is555() throws IOException {
        // RFC 5321 4.1.1.11: only SIZE and BODY=7BIT/8BITMIME are implemented.
        try (SmtpClient c = server.connect()) {
            c.hello();
            assertThat(c.call("MAIL FROM:<a@b.test> RET=FULL")).isEqualTo("555 5.5.4 parameter not recognized: RET=FULL");
            assertThat(c.call("MAIL FROM:<a@b.test> BODY=8BITMIME SIZE=100")).isEqualTo("250 2.1.0 sender OK");
            assertThat(c.call("RCPT TO:<alice@localhost> NOTIFY=NEVER"))
                    .isEqualTo("555 5.5.4 parameter not recognized: NOTIFY=NEVER");
        }
    }

    @Test
    void nullReversePath_isAccepted() throws IOException {
        // Bounces use MAIL FROM:<> and must be deliverable (RFC 5321 4.5.5).
        try (SmtpClient c = server.connect()) {
            c.hello();
            assertThat(c.call("MAIL FROM:<>")).isEqualTo("250 2.1.0 sender OK");
            assertThat(c.call("RCPT TO:<alice@localhost>")).isEqualTo("250 2.1.5 recipient OK");
            assertThat(c.call("DATA")).startsWith("354 ");
            assertThat(c.call("bounce\r\n.")).isEqualTo("250 2.0.0 message delivered to 1 recipient");
        }
        assertThat(server.inbox("alice")).hasSize(1);
    }

    @Test
    void rcptForUnknownOrHostileLocalParts_isUnknownUser() throws IOException {
        // Only valid, existing user names at a served domain are users; nothing else reaches
        // the file system, so ../x cannot escape the Maildir root and a/b cannot name a subdirectory.
        try (SmtpClient c = server.connect()) {
            c.hello();
            c.call("MAIL FROM:<a@b.test>");
            assertThat(c.call("RCPT TO:<nobody@localhost>")).isEqualTo("550 5.1.1 <nobody@localhost>: unknown user");
            assertThat(c.call("RCPT TO:<../x@localhost>")).isEqualTo("550 5.1.1 <../x@localhost>: unknown user");
            assertThat(c.call("RCPT TO:<../alice@localhost>"))
                    .isEqualTo("550 5.1.1 <../alice@localhost>: unknown user");
            assertThat(c.call("RCPT TO:<a/b@localhost>")).isEqualTo("550 5.1.1 <a/b@localhost>: unknown user");
            assertThat(c.call("RCPT TO:<alice/new@localhost>"))
                    .isEqualTo("550 5.1.1 <alice/new@localhost>: unknown user");
            assertThat(c.call("RCPT TO:<\"alice\"@localhost>"))
                    .isEqualTo("550 5.1.1 <\"alice\"@localhost>: unknown user");
            assertThat(c.call("RCPT TO:<.alice@localhost>")).isEqualTo("550 5.1.1 <.alice@localhost>: unknown user");
            assertThat(c.call("DATA")).isEqualTo("503 5.5.1 need RCPT before DATA");
        }
    }

    @Test
    void rcptForOtherDomain_isRelayingDenied() throws IOException {
        // The server delivers locally only: an open relay would forward spam.
        try (SmtpClient c = server.connect()) {
            c.hello();
            c.call("MAIL FROM:<a@b.test>");
            assertThat(c.call("RCPT TO:<alice@elsewhere.test>")).isEqualTo("550 5.7.1 relaying denied");
            assertThat(c.call("RCPT TO:<alice@[127.0.0.1]>")).isEqualTo("550 5.7.1 relaying denied");
            assertThat(c.call("RCPT TO:<alice@localhost.elsewhere.test>")).isEqualTo("550 5.7.1 relaying denied");
            assertThat(c.call("RCPT TO:<nobody@remote.test>")).isEqualTo("550 5.7.1 relaying denied");
        }
    }

    @Test
    void rcptAtAnyServedDomain_isAcceptedCaseInsensitively() throws IOException {
        // Domains are case-insensitive (RFC 5321 2.4); both configured domains are local.
        try (SmtpClient c = server.connect()) {
            c.hello();
            c.call("MAIL FROM:<a@b.test>");
            assertThat(c.call("RCPT TO:<alice@LocalHost>")).isEqualTo("250 2.1.5 recipient OK");
            assertThat(c.call("RCPT TO:<bob@example.test>")).isEqualTo("250 2.1.5 recipient OK");
            assertThat(c.call("RCPT TO:<Postmaster>")).isEqualTo("250 2.1.5 recipient OK");
        }
    }
}
