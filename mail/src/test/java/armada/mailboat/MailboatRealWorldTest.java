package armada.mailboat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import armada.world.Fd;
import armada.world.RealWorld;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library as the servers run it: on the real World, in a temporary data directory. */
class MailboatRealWorldTest {

    @TempDir
    Path root;

    private static List<String> maildirs(String... users) {
        List<String> dirs = new ArrayList<>();
        for (String u : users) {
            dirs.add(UserNames.tmp(u));
            dirs.add(UserNames.inbox(u));
            dirs.add(UserNames.cur(u));
        }
        return dirs;
    }

    private RealWorld open() throws IOException {
        return RealWorld.open(root, 0, 1, maildirs("alice", "bob"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void deliverThenPickup_returnsTheMessageAsAFileInNew() throws IOException {
        // Delivery leaves exactly one file in new/, with the message's bytes, and nothing in tmp/.
        try (RealWorld w = open()) {
            Mailboat mail = Mailboat.open(w, MailboatConfig.DEFAULT);
            assertThat(mail.deliver("alice", bytes("Subject: hi\r\n\r\nhello\r\n"))).isTrue();
            List<StoredMessage> box = mail.pickup("alice");
            mail.unlock("alice");
            assertThat(box).hasSize(1);
            assertThat(new String(box.getFirst().contents(), StandardCharsets.UTF_8))
                    .isEqualTo("Subject: hi\r\n\r\nhello\r\n");
            assertThat(root.resolve("alice/new").resolve(box.getFirst().id())).exists();
            try (var tmp = Files.list(root.resolve("alice/tmp"))) {
                assertThat(tmp).isEmpty();
            }
        }
    }

    @Test
    void bigMessage_writtenInChunksArrivesWhole() throws IOException {
        // 300 KiB crosses several 64 KiB appends; pickup must return every byte in order.
        byte[] big = new byte[300 * 1024];
        new Random(7).nextBytes(big);
        try (RealWorld w = open()) {
            Mailboat mail = Mailboat.open(w, MailboatConfig.DEFAULT);
            assertThat(mail.deliver("bob", big)).isTrue();
            List<StoredMessage> box = mail.pickup("bob");
            mail.unlock("bob");
            assertThat(box).singleElement().satisfies(m -> assertThat(m.contents()).isEqualTo(big));
        }
    }

    @Test
    void pickupDeleteUnlock_deletesOnlyWhatWasDeleted() throws IOException {
        // Delete removes the named message; the others stay, and survive a reopen.
        try (RealWorld w = open()) {
            Mailboat mail = Mailboat.open(w, MailboatConfig.DEFAULT);
            mail.deliver("alice", bytes("one"));
            mail.deliver("alice", bytes("two"));
            List<StoredMessage> box = mail.pickup("alice");
            assertThat(box).hasSize(2);
            mail.delete("alice", box.getFirst().id());
            mail.unlock("alice");
        }
        try (RealWorld w = open()) {
            Mailboat mail = Mailboat.open(w, MailboatConfig.DEFAULT);
            mail.recover();
            assertThat(mail.pickup("alice")).hasSize(1);
            mail.unlock("alice");
        }
    }

    @Test
    void recovery_removesTmpAndKeepsNew() throws IOException {
        // A crash mid-delivery leaves a file in tmp/; recovery removes it and nothing in new/.
        try (RealWorld w = open()) {
            Mailboat mail = Mailboat.open(w, MailboatConfig.DEFAULT);
            mail.deliver("alice", bytes("kept"));
            Fd half = w.fileSystem().create(UserNames.tmp("alice"), "leftover").orElseThrow();
            w.fileSystem().append(half, bytes("half a mess"));
            w.fileSystem().close(half);
        }
        try (RealWorld w = open()) {
            Mailboat mail = Mailboat.open(w, MailboatConfig.DEFAULT);
            mail.recover();
            assertThat(w.fileSystem().list(UserNames.tmp("alice"))).isEmpty();
            List<StoredMessage> box = mail.pickup("alice");
            mail.unlock("alice");
            assertThat(box).extracting(m -> new String(m.contents(), StandardCharsets.UTF_8)).containsExactly("kept");
        }
    }

    @Test
    void hostileOrUnknownUsers_neverTouchAPath() throws IOException {
        // Names outside the rule are not users: delivery says false, and no file appears anywhere.
        try (RealWorld w = open()) {
            Mailboat mail = Mailboat.open(w, MailboatConfig.DEFAULT);
            for (String u : List.of("../alice", "a/b", "..", ".", "", "Alice", "alice/../bob", "x\0y", "carol",
                    "-alice", "a".repeat(65))) {
                assertThat(mail.deliver(u, bytes("x"))).as(u).isFalse();
                assertThat(mail.checkUser(u)).as(u).isFalse();
                // A user with no mailbox has nothing to pick up and no lock to take or release.
                assertThat(mail.pickup(u)).as(u).isEmpty();
                mail.unlock(u);
                assertThatThrownBy(() -> mail.read(u, "1.0", 0, 1)).as(u).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> mail.delete(u, "1.0")).as(u).isInstanceOf(IllegalArgumentException.class);
            }
            try (var all = Files.walk(root)) {
                assertThat(all.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    @Test
    void createUser_makesAWholeMaildirThatTheNextOpeningFinds() throws IOException {
        // Under a declared root: no users at first; createUser makes dave/{tmp,new,cur}, a
        // delivery to him then succeeds, and a library opened afterwards finds him and his mail.
        // A half-made Maildir (no cur/) is not a user until createUser completes it; files and
        // bad names never are.
        Files.createDirectories(root.resolve("mail/erin/new"));
        Files.writeString(root.resolve("mail/users"), "not a Maildir");
        try (RealWorld w = RealWorld.open(root, 0, 1, List.of("mail"))) {
            Mailboat mail = Mailboat.openUnder(w, MailboatConfig.DEFAULT, "mail");
            assertThat(mail.users()).isEmpty();
            assertThat(mail.deliver("dave", bytes("early"))).isFalse();
            assertThat(mail.createUser("dave")).isTrue();
            assertThat(mail.createUser("dave")).isTrue();
            assertThat(mail.createUser("../dave")).isFalse();
            assertThat(mail.deliver("dave", bytes("hello"))).isTrue();
            assertThat(mail.createUser("erin")).isTrue();
            assertThat(mail.users()).containsExactlyInAnyOrder("dave", "erin");
        }
        for (String d : List.of("tmp", "new", "cur")) {
            assertThat(root.resolve("mail/dave").resolve(d)).isDirectory();
            assertThat(root.resolve("mail/erin").resolve(d)).isDirectory();
        }
        try (RealWorld w = RealWorld.open(root, 0, 1, List.of("mail"))) {
            Mailboat mail = Mailboat.openUnder(w, MailboatConfig.DEFAULT, "mail");
            assertThat(mail.users()).containsExactlyInAnyOrder("dave", "erin");
            assertThat(mail.pickup("dave")).extracting(m -> new String(m.contents(), StandardCharsets.UTF_8))
                    .containsExactly("hello");
            mail.unlock("dave");
        }
    }

    @Test
    void createUser_onDeclaredMaildirs_isAnError() throws IOException {
        // Over Maildirs the World declares there is no root to make one in.
        try (RealWorld w = open()) {
            assertThatThrownBy(() -> Mailboat.open(w, MailboatConfig.DEFAULT).createUser("carol"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("open the library with a root");
        }
    }

    @Test
    void userNames_followTheRule() {
        // [a-z0-9][a-z0-9._-]{0,63}, without "..".
        assertThat(UserNames.valid("alice")).isTrue();
        assertThat(UserNames.valid("a.b-c_9")).isTrue();
        assertThat(UserNames.valid("a".repeat(64))).isTrue();
        assertThat(UserNames.valid("a".repeat(65))).isFalse();
        assertThat(UserNames.valid("a..b")).isFalse();
        assertThat(UserNames.valid(".a")).isFalse();
        assertThat(UserNames.valid("A")).isFalse();
        assertThatThrownBy(() -> UserNames.check("../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentDeliveriesAndPickups_loseNothing() throws Exception {
        // 4 threads deliver 50 messages each while another picks up and deletes: every message
        // is either deleted after being picked up or still there at the end, exactly once.
        try (RealWorld w = open()) {
            Mailboat mail = Mailboat.open(w, MailboatConfig.DEFAULT);
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int sender = t;
                senders.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 50; i++) {
                        assertThat(mail.deliver("alice", bytes(sender + ":" + i))).isTrue();
                    }
                }));
            }
            List<String> seen = new ArrayList<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                for (int round = 0; round < 20; round++) {
                    for (StoredMessage m : mail.pickup("alice")) {
                        seen.add(new String(m.contents(), StandardCharsets.UTF_8));
                        mail.delete("alice", m.id());
                    }
                    mail.unlock("alice");
                }
            });
            for (Thread t : senders) {
                t.join();
            }
            reader.join();
            for (StoredMessage m : mail.pickup("alice")) {
                seen.add(new String(m.contents(), StandardCharsets.UTF_8));
            }
            mail.unlock("alice");
            assertThat(seen).hasSize(200).doesNotHaveDuplicates();
        }
    }
}
