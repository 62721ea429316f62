package armada.mailboat.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Send/expect dialogues over 127.0.0.1: the message commands of the TRANSACTION state. */
class Pop3MessagesTest extends Pop3SessionTest {

    /** Stored with bare LF endings: 30 octets, 4 lines, so 34 octets in CRLF form. */
    static final String BARE_LF = "Subject: one\nFrom: x@y\n\nHello\n";
    /** Stored with CRLF endings: 43 octets; two lines start with a dot. */
    static final String CRLF = "Subject: two\r\n\r\n.hidden\r\n..two\r\nlast line\r\n";

    /** The message numbers of {@link #BARE_LF} and {@link #CRLF} after {@link #deliverTwo()}. */
    int bare;
    int crlf;

    /**
     * Delivers the two messages; returns their ids in message-number order (the order of the
     * random file names, so it is found out, not assumed).
     */
    private List<String> deliverTwo() throws IOException {
        pop.deliver("alice", BARE_LF);
        pop.deliver("alice", CRLF);
        List<String> ids = pop.inbox("alice");
        bare = Files.readString(root.resolve("alice/new").resolve(ids.get(0))).equals(BARE_LF) ? 1 : 2;
        crlf = 3 - bare;
        return ids;
    }

    /** The scan listing of both messages, in number order. */
    private List<String> bothListed() {
        return bare == 1 ? List.of("1 34", "2 43") : List.of("1 43", "2 34");
    }

    @Test
    void statAndList_countOnlyVisibleMessagesInCrlfSizes() throws IOException {
        // STAT and LIST report CRLF-form sizes of the snapshot; bad numbers are told apart.
        deliverTwo();
        try (Pop3Client c = pop.connect()) {
            c.line();
            c.loginOk("alice");
            assertThat(c.ask("STAT")).isEqualTo("+OK 2 77");
            assertThat(c.ask("LIST")).isEqualTo("+OK 2 messages (77 octets)");
            assertThat(c.body()).isEqualTo(bothListed());
            assertThat(c.ask("LIST " + crlf)).isEqualTo("+OK " + crlf + " 43");
            assertThat(c.ask("LIST 3")).isEqualTo("-ERR no such message");
            assertThat(c.ask("LIST 0")).isEqualTo("-ERR no such message");
            assertThat(c.ask("LIST x")).isEqualTo("-ERR invalid number");
            assertThat(c.ask("LIST 1 2")).isEqualTo("-ERR syntax error");
        }
    }

    @Test
    void uidl_isTheFileNameAndStableAcrossSessions() throws IOException {
        // Clients keep mail on the server by remembering UIDLs; the same message has the same id
        // in the next session, and it is its file name in new/.
        List<String> ids = deliverTwo();
        List<String> first;
        try (Pop3Client c = pop.connect()) {
            c.line();
            c.loginOk("alice");
            assertThat(c.ask("UIDL")).isEqualTo("+OK unique-id listing follows");
            first = c.body();
            assertThat(c.ask("UIDL 2")).isEqualTo("+OK 2 " + ids.get(1));
            assertThat(c.ask("QUIT")).startsWith("+OK");
        }
        assertThat(first).containsExactly("1 " + ids.get(0), "2 " + ids.get(1));
        try (Pop3Client c = pop.connect()) {
            c.line();
            c.loginOk("alice");
            assertThat(c.ask("UIDL")).startsWith("+OK");
            assertThat(c.body()).isEqualTo(first);
        }
    }

    @Test
    void foreignFileName_getsAValidStableUidl() throws IOException {
        // A file another tool put in new/ may have a name no UIDL may be (over 70 characters):
        // it gets a hashed id of 1 to 70 printable characters, the same every time.
        String name = "1700000000.M1P2.host,S=" + "9".repeat(80);
        Files.writeString(root.resolve("alice/new").resolve(name), "Subject: far\n\nbody\n");
        String uidl;
        try (Pop3Client c = pop.connect()) {
            c.line();
            c.loginOk("alice");
            uidl = c.ask("UIDL 1");
            assertThat(c.ask("LIST 1")).isEqualTo("+OK 1 22");
        }
        assertThat(uidl).matches("\\+OK 1 ~[\\x21-\\x7e]{44}");
        try (Pop3Client c = pop.connect()) {
            c.line();
            c.loginOk("alice");
            assertThat(c.ask("UIDL 1")).isEqualTo(uidl);
        }
    }

    @Test
    void retr_sendsTheMessageDotStuffedWithCrlf() throws IOException {
        // A line starting with '.' gets another '.', so ".hidden" cannot end the reply early;
        // bare LFs become CRLF.
        deliverTwo();
        try (Pop3Client c = pop.connect()) {
            c.line();
            c.loginOk("alice");
            assertThat(c.ask("RETR " + crlf)).isEqualTo("+OK 43 octets");
            assertThat(c.body()).containsExactly("Subject: two", "", "..hidden", "...two", "last line");
            assertThat(c.ask("RETR " + bare)).isEqualTo("+OK 34 octets");
            assertThat(c.body()).containsExactly("Subject: one", "From: x@y", "", "Hello");
            assertThat(c.ask("RETR 3")).isEqualTo("-ERR no such message");
            assertThat(c.ask("RETR")).isEqualTo("-ERR syntax error");
        }
    }

    @Test
    void lastLineWithoutEnding_isSentWithCrlf() throws IOException {
        // A file with no final newline (put there by another tool) still ends in CRLF before the dot.
        pop.deliver("alice", "Subject: x\r\n\r\nno newline");
        try (Pop3Client c = pop.connect()) {
            c.line();
            c.loginOk("alice");
            assertThat(c.ask("RETR 1")).startsWith("+OK");
            assertThat(c.body()).containsExactly("Subject: x", "", "no newline");
        }
    }

    @Test
    void top_sendsHeadersAndTheFirstBodyLines() throws IOException {
        // TOP n k: headers, the blank line, k body lines (dot-stuffed too).
        deliverTwo();
        try (Pop3Client c = pop.connect()) {
            c.line();
            c.loginOk("alice");
            assertThat(c.ask("TOP " + crlf + " 1")).isEqualTo("+OK top of message follows");
            assertThat(c.body()).containsExactly("Subject: two", "", "..hidden");
            assertThat(c.ask("TOP " + crlf + " 0")).startsWith("+OK");
            assertThat(c.body()).containsExactly("Subject: two", "");
            assertThat(c.ask("TOP " + bare + " 99")).startsWith("+OK");
            assertThat(c.body()).containsExactly("Subject: one", "From: x@y", "", "Hello");
            assertThat(c.ask("TOP 1 -1")).isEqualTo("-ERR invalid number");
            assertThat(c.ask("TOP 1")).isEqualTo("-ERR syntax error");
        }
    }

    @Test
    void deleThenQuit_removesTheFileFromNew() throws IOException {
        // DELE marks; the message disappears from the session at once and from the disk at QUIT.
        List<String> ids = deliverTwo();
        try (Pop3Client c = pop.connect()) {
            c.line();
            c.loginOk("alice");
            assertThat(c.ask("DELE " + bare)).isEqualTo("+OK message " + bare + " deleted");
            assertThat(c.ask("DELE " + bare)).isEqualTo("-ERR message " + bare + " already deleted");
            assertThat(c.ask("DELE 9")).isEqualTo("-ERR no such message");
            assertThat(c.ask("RETR " + bare)).isEqualTo("-ERR no such message");
            assertThat(c.ask("LIST " + bare)).isEqualTo("-ERR no such message");
            assertThat(c.ask("UIDL " + bare)).isEqualTo("-ERR no such message");
            assertThat(c.ask("TOP " + bare + " 1")).isEqualTo("-ERR no such message");
            assertThat(c.ask("STAT")).isEqualTo("+OK 1 43");
            assertThat(c.ask("LIST")).startsWith("+OK 1 messages");
            // Numbers keep referring to the login snapshot: the other message keeps its number.
            assertThat(c.body()).containsExactly(crlf + " 43");
            assertThat(pop.inbox("alice")).hasSize(2);
            assertThat(c.ask("QUIT")).isEqualTo("+OK pop.test Mailboat POP3 signing off (1 messages left)");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(pop.inbox("alice")).containsExactly(ids.get(crlf - 1));
        assertThat(pop.server().liveSessions()).isEmpty();
    }

    @Test
    void deleThenHangUp_deletesNothingAndFreesTheMailbox() throws IOException {
        // Without QUIT there is no UPDATE state: nothing is deleted, and the lock is released, so
        // the next login works. Waiting for the server to close its end orders the two sessions.
        List<String> ids = deliverTwo();
        try (Pop3Client c = pop.connect()) {
            c.line();
            c.loginOk("alice");
            assertThat(c.ask("DELE 1")).startsWith("+OK");
            assertThat(c.ask("DELE 2")).startsWith("+OK");
            c.hangUp();
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(pop.inbox("alice")).isEqualTo(ids);
        try (Pop3Client c = pop.connect()) {
            c.line();
            assertThat(c.login("alice", "alice-pw")).startsWith("+OK maildrop has 2 messages");
        }
    }

    @Test
    void rset_unmarksEveryMessage() throws IOException {
        // RSET undoes this session's DELEs; QUIT then deletes nothing.
        List<String> ids = deliverTwo();
        try (Pop3Client c = pop.connect()) {
            c.line();
            c.loginOk("alice");
            c.ask("DELE 1");
            c.ask("DELE 2");
            assertThat(c.ask("STAT")).isEqualTo("+OK 0 0");
            assertThat(c.ask("RSET")).isEqualTo("+OK maildrop has 2 messages (77 octets)");
            assertThat(c.ask("RETR 1")).startsWith("+OK");
            c.body();
            assertThat(c.ask("QUIT")).startsWith("+OK");
        }
        assertThat(pop.inbox("alice")).isEqualTo(ids);
    }

    @Test
    void pipelinedCommands_getEveryReplyInOrder() throws IOException {
        // PIPELINING (RFC 2449): a client may send many commands in one write.
        deliverTwo();
        try (Pop3Client c = pop.connect()) {
            c.line();
            c.raw("USER alice\r\nPASS alice-pw\r\nSTAT\r\nLIST\r\nRETR 1\r\nDELE 1\r\nNOOP\r\nQUIT\r\n");
            assertThat(c.line()).isEqualTo("+OK send PASS");
            assertThat(c.line()).startsWith("+OK maildrop has 2");
            assertThat(c.line()).isEqualTo("+OK 2 77");
            assertThat(c.line()).startsWith("+OK 2 messages");
            assertThat(c.body()).isEqualTo(bothListed());
            assertThat(c.line()).isEqualTo(bare == 1 ? "+OK 34 octets" : "+OK 43 octets");
            assertThat(c.body()).hasSize(bare == 1 ? 4 : 5);
            assertThat(c.line()).isEqualTo("+OK message 1 deleted");
            assertThat(c.line()).isEqualTo("+OK");
            assertThat(c.line()).startsWith("+OK pop.test Mailboat POP3 signing off");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(pop.inbox("alice")).hasSize(1);
    }
}
