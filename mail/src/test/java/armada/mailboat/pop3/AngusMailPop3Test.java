package armada.mailboat.pop3;

import armada.mailboat.TestTls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real client, unchanged: Angus Mail's "pop3" store reads and deletes mail. */
class AngusMailPop3Test {

    @TempDir
    Path root;

    private static String message(String subject, String body) {
        return "From: sender@example.test\r\nTo: alice@localhost\r\nSubject: " + subject
                + "\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" + body;
    }

    private static Properties properties(Pop3Harness pop) {
        Properties p = new Properties();
        p.setProperty("mail.pop3.host", pop.address().getAddress().getHostAddress());
        p.setProperty("mail.pop3.port", Integer.toString(pop.address().getPort()));
        p.setProperty("mail.pop3.connectiontimeout", "10000");
        p.setProperty("mail.pop3.timeout", "10000");
        return p;
    }

    private static Properties stls(Pop3Harness pop) {
        Properties p = properties(pop);
        p.setProperty("mail.pop3.starttls.enable", "true");
        p.setProperty("mail.pop3.starttls.required", "true");
        p.put("mail.pop3.ssl.socketFactory", TestTls.client().getSocketFactory());
        p.setProperty("mail.pop3.ssl.checkserveridentity", "true");
        return p;
    }

    /**
     * Reads both messages, checks subjects, bodies and UIDs, deletes the one about "old", closes
     * with expunge, and checks only its file left {@code new/}.
     */
    private void readAndDeleteOne(Pop3Harness pop, Properties props) throws MessagingException, IOException {
        pop.deliver("alice", message("old", "delete me\r\n"));
        pop.deliver("alice", message("new", ".keep me\r\n"));
        Map<String, String> files = new HashMap<>();
        for (String id : pop.inbox("alice")) {
            files.put(id, Files.readString(root.resolve("alice/new").resolve(id)));
        }
        Store store = Session.getInstance(props).getStore("pop3");
        store.connect("alice", "alice-pw");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            assertThat(inbox.getMessageCount()).isEqualTo(2);
            Map<String, String> bodies = new HashMap<>();
            for (Message m : inbox.getMessages()) {
                String uid = ((POP3Folder) inbox).getUID(m);
                assertThat(files.get(uid)).as("UIDL is the file name").contains("Subject: " + m.getSubject());
                bodies.put(m.getSubject(), ((String) m.getContent()).strip());
                if (m.getSubject().equals("old")) {
                    m.setFlag(Flags.Flag.DELETED, true);
                }
            }
            assertThat(bodies).isEqualTo(Map.of("old", "delete me", "new", ".keep me"));
            inbox.close(true);
        } finally {
            store.close();
        }
        List<String> left = pop.inbox("alice");
        assertThat(left).hasSize(1);
        assertThat(files.get(left.getFirst())).contains("Subject: new");
    }

    @Test
    void angusMail_readsAndDeletes() throws Exception {
        // The paper's claim that real clients work unchanged, over plaintext on loopback.
        try (Pop3Harness pop = Pop3Harness.start(root)) {
            readAndDeleteOne(pop, properties(pop));
        }
    }

    @Test
    void angusMail_withStlsRequired_readsAndDeletes() throws Exception {
        // The same over STLS, with the client checking the certificate against 127.0.0.1.
        
        try (Pop3Harness pop = Pop3Harness.start(root, Pop3Harness.config(TestTls.server()))) {
            readAndDeleteOne(pop, stls(pop));
        }
    }

    @Test
    void angusMail_withStlsRequired_refusesAServerWithoutTls() throws IOException, GeneralSecurityException,
            InterruptedException {
        // The control for the test above: "required" really makes the client insist on STLS, so
        // that test passing means the session ran over TLS.
        
        try (Pop3Harness pop = Pop3Harness.start(root)) {
            Properties props = stls(pop);
            assertThatThrownBy(() -> Session.getInstance(props).getStore("pop3").connect("alice", "alice-pw"))
                    .isInstanceOf(MessagingException.class).hasMessageContaining("STLS");
        }
    }
}
