package armada.mailboat.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maildir conventions: messages stored with LF go out as CRLF lines, dot-stuffed, with sizes
 * counted in CRLF form; messages a mail reader moved to {@code cur/} (with {@code :2,S} flags)
 * are served too, under the same UIDL, and deleted where they are.
 */
class Pop3MaildirTest {

    @TempDir
    Path root;

    private Pop3Harness pop;

    @BeforeEach
    void start() throws IOException {
        pop = Pop3Harness.start(root);
    }

    @AfterEach
    void stop() throws IOException {
        pop.close();
    }

    private List<String> names(String dir) throws IOException {
        try (Stream<Path> s = Files.list(root.resolve(dir))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A mail reader marks the message seen: a plain rename from new/ to cur/ with flags. */
    private String readerMovesToCur(String name) throws IOException {
        String seen = name + ":2,S";
        Files.move(root.resolve("alice/new").resolve(name), root.resolve("alice/cur").resolve(seen));
        return seen;
    }

    @Test
    void lfStoredMessage_isSentAsCrlfLinesWithItsCrlfSize() throws IOException {
        // 5 lines of LF text are 5 octets more on the wire; the client (Pop3Client) checks that
        // every line it reads ends in CRLF, and the leading dot comes back doubled.
        pop.deliver("alice", "Subject: lf\n\n.dot\nend\n");
        assertThat(Files.readString(root.resolve("alice/new").resolve(names("alice/new").getFirst()),
                StandardCharsets.ISO_8859_1)).isEqualTo("Subject: lf\n\n.dot\nend\n");
        try (Pop3Client c = pop.connect()) {
            c.line();
            c.loginOk("alice");
            assertThat(c.ask("LIST 1")).isEqualTo("+OK 1 26");
            assertThat(c.ask("RETR 1")).isEqualTo("+OK 26 octets");
            assertThat(c.body()).containsExactly("Subject: lf", "", "..dot", "end");
            assertThat(c.ask("TOP 1 0")).startsWith("+OK");
            assertThat(c.body()).containsExactly("Subject: lf", "");
        }
    }

    @Test
    void messageAReaderMovedToCur_isServedWithTheSameUidl() throws IOException {
        // A mail reader on the server (mutt) saw the message: it now lives in cur/ as ID:2,S.
        // POP3 still lists it, under the UIDL it had in new/, so a client that keeps mail on the
        // server does not fetch it twice.
        pop.deliver("alice", "Subject: one\n\nfirst\n");
        String id = names("alice/new").getFirst();
        String uidl;
        try (Pop3Client c = pop.connect()) {
            c.line();
            c.loginOk("alice");
            uidl = c.ask("UIDL 1");
            assertThat(c.ask("QUIT")).startsWith("+OK");
        }
        String seen = readerMovesToCur(id);
        pop.deliver("alice", "Subject: two\n\nsecond\n");
        try (Pop3Client c = pop.connect()) {
            c.line();
            assertThat(c.login("alice", "alice-pw")).startsWith("+OK maildrop has 2 messages");
            c.send("UIDL");
            assertThat(c.line()).startsWith("+OK");
            assertThat(c.body()).contains(uidl.substring("+OK ".length()).replaceFirst("^1 ", "2 "));
            assertThat(c.ask("RETR 2")).startsWith("+OK");
            assertThat(c.body()).containsExactly("Subject: one", "", "first");
            assertThat(c.ask("DELE 2")).startsWith("+OK");
            assertThat(c.ask("QUIT")).startsWith("+OK");
        }
        assertThat(names("alice/cur")).doesNotContain(seen).isEmpty();
        assertThat(names("alice/new")).hasSize(1);
    }

    @Test
    void readerMovesTheMessageDuringTheSession_itIsStillRetrievedAndDeleted() throws IOException {
        // The move happens after login: RETR and the delete at QUIT find it again in cur/ by its
        // unique name, and a reader that changes its flags again does not hide it either.
        pop.deliver("alice", "Subject: moving\n\nbody\n");
        String id = names("alice/new").getFirst();
        try (Pop3Client c = pop.connect()) {
            c.line();
            c.loginOk("alice");
            String seen = readerMovesToCur(id);
            assertThat(c.ask("RETR 1")).isEqualTo("+OK 25 octets");
            assertThat(c.body()).containsExactly("Subject: moving", "", "body");
            Files.move(root.resolve("alice/cur").resolve(seen), root.resolve("alice/cur").resolve(id + ":2,RS"));
            assertThat(c.ask("DELE 1")).startsWith("+OK");
            assertThat(c.ask("QUIT")).startsWith("+OK");
        }
        assertThat(names("alice/cur")).isEmpty();
        assertThat(names("alice/new")).isEmpty();
    }
}
