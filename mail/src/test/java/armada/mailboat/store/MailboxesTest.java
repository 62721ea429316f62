package armada.mailboat.store;

import static org.assertj.core.api.Assertions.assertThat;

import armada.mailboat.TestUsers;
import armada.mailboat.users.UserStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's view of the mailboxes: recipients, users added live, quotas, a full disk. */
class MailboxesTest {

    @TempDir
    Path data;

    private static final Map<String, String> USERS = Map.of("alice", "alice-password", "bob", "bob-password");

    private Mailboxes open(java.util.function.UnaryOperator<Mailboxes.Builder> options) throws IOException {
        return options.apply(Mailboxes.builder(data, TestUsers.write(data, USERS))).open();
    }

    private long files(String dir) throws IOException {
        try (Stream<Path> s = Files.list(data.resolve(dir))) {
            return s.count();
        }
    }

    @Test
    void maildirsOfEarlierVersions_areServedAsTheyAre() throws IOException {
        // Earlier versions made <data>/<user>/{tmp,new,cur} with NIO; the layout is unchanged,
        // so that data opens as it is: alice's mail in new/ and cur/ is served, bob's Maildir,
        // left without cur/ (a crash while an old version made it), is completed and keeps its mail.
        for (String d : java.util.List.of("alice/tmp", "alice/new", "alice/cur", "bob/new")) {
            Files.createDirectories(data.resolve(d));
        }
        Files.writeString(data.resolve("alice/new/1.0"), "first\n");
        Files.writeString(data.resolve("alice/cur/2.0:2,S"), "second\n");
        Files.writeString(data.resolve("bob/new/3.0"), "bob's\n");
        try (Mailboxes m = open(b -> b)) {
            assertThat(m.pickupIds("alice")).containsExactly("1.0", "cur/2.0:2,S");
            assertThat(new String(m.read("alice", "cur/2.0:2,S", 0, 100), StandardCharsets.ISO_8859_1))
                    .isEqualTo("second\n");
            m.unlock("alice");
            assertThat(m.pickupIds("bob")).containsExactly("3.0");
            m.unlock("bob");
        }
        assertThat(data.resolve("bob/cur")).isDirectory();
        assertThat(data.resolve("bob/tmp")).isDirectory();
    }

    @Test
    void createMaildir_makesAWholeOneThroughTheLibraryAndKeepsMailThere() throws IOException {
        // adduser's Maildir: a half one left from before (restored from a backup) is completed, its mail kept.
        Files.createDirectories(data.resolve("carol/new"));
        Files.writeString(data.resolve("carol/new/1.0"), "old mail");
        Mailboxes.createMaildir(data, "carol");
        assertThat(data.resolve("carol/new/1.0")).hasContent("old mail");
        assertThat(data.resolve("carol/cur")).isDirectory();
        assertThat(data.resolve("carol/tmp")).isDirectory();
        Mailboxes.createMaildir(data, "dave");
        assertThat(data.resolve("dave/new")).isDirectory();
    }

    @Test
    void localPart_isFoundWithoutRegardToCase() throws IOException {
        // RFC 5321 lets a server treat local parts case-insensitively; user names are lower case.
        try (Mailboxes m = open(b -> b)) {
            assertThat(m.recipient("Alice")).contains("alice");
            assertThat(m.recipient("BOB")).contains("bob");
            assertThat(m.recipient("carol")).isEmpty();
            assertThat(m.recipient("../alice")).isEmpty();
        }
    }

    @Test
    void postmaster_goesToTheConfiguredUser() throws IOException {
        // RFC 5321 4.5.1: postmaster must be accepted; it is an alias, not a mailbox of its own.
        try (Mailboxes m = open(b -> b.postmaster("bob"))) {
            assertThat(m.recipient("postmaster")).contains("bob");
            assertThat(m.recipient("PostMaster")).contains("bob");
        }
        try (Mailboxes m = open(b -> b)) {
            assertThat(m.recipient("postmaster")).isEmpty();
        }
    }

    @Test
    void userAddedAfterOpening_getsAMailboxAndMail() throws IOException {
        // Another process (adduser) adds carol: the next lookup re-reads the users file, and the
        // first delivery opens a World that has her Maildir.
        try (Mailboxes m = open(b -> b)) {
            assertThat(m.recipient("carol")).isEmpty();
            UserStore.open(data).add("carol", "carol-password".toCharArray());
            assertThat(m.recipient("carol")).contains("carol");
            assertThat(m.deliver("carol", "hello\n".getBytes(StandardCharsets.ISO_8859_1)))
                    .isEqualTo(Mailboxes.Outcome.DELIVERED);
            assertThat(files("carol/new")).isEqualTo(1);
            // The mailboxes known before are still served by the new World.
            assertThat(m.deliver("alice", "x\n".getBytes(StandardCharsets.ISO_8859_1)))
                    .isEqualTo(Mailboxes.Outcome.DELIVERED);
            assertThat(m.pickupIds("carol")).hasSize(1);
            m.unlock("carol");
        }
    }

    @Test
    void userRemoved_isNoLongerARecipientButTheMailStays() throws IOException {
        // deluser takes the user out of the file; the Maildir and its mail are left alone.
        try (Mailboxes m = open(b -> b)) {
            m.deliver("bob", "keep\n".getBytes(StandardCharsets.ISO_8859_1));
            UserStore.open(data).remove("bob");
            assertThat(m.recipient("bob")).isEmpty();
            assertThat(files("bob/new")).isEqualTo(1);
        }
    }

    @Test
    void quota_fitsThenFullThenTooBig() throws IOException {
        // Full now (452: the owner can make room) is told apart from never fitting (552).
        try (Mailboxes m = open(b -> b.quota(100))) {
            assertThat(m.quota("alice", 60)).isEqualTo(Quotas.Fit.FITS);
            m.deliver("alice", new byte[60]);
            assertThat(m.usage("alice")).isEqualTo(60);
            assertThat(m.quota("alice", 40)).isEqualTo(Quotas.Fit.FITS);
            assertThat(m.quota("alice", 41)).isEqualTo(Quotas.Fit.FULL);
            assertThat(m.quota("alice", 101)).isEqualTo(Quotas.Fit.TOO_BIG);
            assertThat(m.quota("bob", 100)).isEqualTo(Quotas.Fit.FITS);
        }
    }

    @Test
    void diskFullHalfWay_isNoSpaceAndLeavesNoPartialFile() throws IOException {
        // The append fails after writing half the message: the partial file in tmp/ is removed
        // at once, nothing reaches new/, and the next delivery (room again) works.
        AtomicReference<FullDisk> disk = new AtomicReference<>();
        try (Mailboxes m = open(b -> b.fileSystem(fs -> {
            FullDisk d = new FullDisk(fs);
            disk.set(d);
            return d;
        }))) {
            disk.get().full = true;
            assertThat(m.deliver("alice", new byte[1000])).isEqualTo(Mailboxes.Outcome.NO_SPACE);
            assertThat(files("alice/tmp")).isZero();
            assertThat(files("alice/new")).isZero();
            disk.get().full = false;
            assertThat(m.deliver("alice", new byte[1000])).isEqualTo(Mailboxes.Outcome.DELIVERED);
            assertThat(files("alice/tmp")).isZero();
            assertThat(files("alice/new")).isEqualTo(1);
        }
    }

    @Test
    void noSpace_isRecognisedOnlyForEnospcAndEdquot() {
        // Other I/O errors are plain failures (451), not "storage full" (452 4.3.1).
        assertThat(Quotas.noSpace(new java.io.UncheckedIOException(new IOException("No space left on device"))))
                .isTrue();
        assertThat(Quotas.noSpace(new RuntimeException(new IOException("Disk quota exceeded")))).isTrue();
        assertThat(Quotas.noSpace(new java.io.UncheckedIOException(new IOException("Input/output error"))))
                .isFalse();
    }
}
