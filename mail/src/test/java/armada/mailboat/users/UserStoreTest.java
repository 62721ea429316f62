package armada.mailboat.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user store in a temporary data directory. */
class UserStoreTest {

    @TempDir
    Path data;

    @Test
    void addThenVerify_acceptsThePasswordAndLeavesTheMaildirToTheLibrary() throws IOException {
        // The right password verifies; the Maildir is the mail library's to make, through the World.
        UserStore store = UserStore.open(data);
        store.add("alice", "s3cret pass".toCharArray());
        assertThat(store.verify("alice", "s3cret pass".toCharArray())).isTrue();
        assertThat(store.users()).containsExactly("alice");
        assertThat(data.resolve("alice")).doesNotExist();
    }

    @Test
    void wrongPasswordOrUnknownUser_isRefused() throws IOException {
        // Only the exact password of an existing user verifies; case and trailing spaces matter.
        UserStore store = UserStore.open(data);
        store.add("alice", "secret".toCharArray());
        assertThat(store.verify("alice", "Secret".toCharArray())).isFalse();
        assertThat(store.verify("alice", "secret ".toCharArray())).isFalse();
        assertThat(store.verify("alice", new char[0])).isFalse();
        assertThat(store.verify("bob", "secret".toCharArray())).isFalse();
        assertThat(store.verify("../alice", "secret".toCharArray())).isFalse();
    }

    @Test
    void unknownUser_stillPaysForAHash() throws IOException {
        // Timing must not reveal which users exist: an unknown user's check costs about what a
        // known user's does (a PBKDF2 run of the same cost), not the microseconds of a map miss.
        UserStore store = UserStore.open(data);
        store.add("alice", "secret".toCharArray());
        store.verify("alice", "warm-up".toCharArray());
        store.verify("nobody", "warm-up".toCharArray());
        long known = Long.MAX_VALUE;
        long unknown = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            store.verify("alice", "wrong".toCharArray());
            long t1 = System.nanoTime();
            store.verify("nobody", "wrong".toCharArray());
            long t2 = System.nanoTime();
            known = Math.min(known, t1 - t0);
            unknown = Math.min(unknown, t2 - t1);
        }
        assertThat(unknown).isGreaterThan(known / 3);
    }

    @Test
    void hostileNames_areRefusedWithTheRule() throws IOException {
        // Names that could escape the data directory, clash with the server's files, or break the
        // users file are refused before anything is written.
        UserStore store = UserStore.open(data);
        for (String bad : List.of("../x", "a/b", "..", ".", "", "Alice", "a..b", "x:y", "x\ny", "-a", "a".repeat(65),
                ".users")) {
            assertThatThrownBy(() -> store.add(bad, "pw".toCharArray())).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[a-z0-9][a-z0-9._-]{0,63}");
        }
        for (String reserved : List.of("users", "disk0.img", "disk12.img.new")) {
            assertThatThrownBy(() -> store.add(reserved, "pw".toCharArray())).as(reserved)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        }
        assertThat(store.users()).isEmpty();
        try (var all = Files.list(data)) {
            assertThat(all.map(p -> p.getFileName().toString())).doesNotContain("users", "x", "a", "Alice");
        }
    }

    @Test
    void emptyPassword_isRefused() throws IOException {
        // An empty password would let anyone in who sends an empty PASS.
        UserStore store = UserStore.open(data);
        assertThatThrownBy(() -> store.add("alice", new char[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void duplicateUser_isRefusedAndKeepsTheOldPassword() throws IOException {
        // Adding a user twice is a mistake, not a password change.
        UserStore store = UserStore.open(data);
        store.add("alice", "first".toCharArray());
        assertThatThrownBy(() -> store.add("alice", "second".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("user 'alice' already exists");
        assertThat(store.verify("alice", "first".toCharArray())).isTrue();
        assertThat(store.verify("alice", "second".toCharArray())).isFalse();
    }

    @Test
    void reopen_keepsUsersAndPasswords() throws IOException {
        // The file is the store: a new instance reads what the old one wrote.
        UserStore first = UserStore.open(data);
        first.add("alice", "a-pass".toCharArray());
        first.add("bob", "b-pass".toCharArray());
        UserStore again = UserStore.open(data);
        assertThat(again.users()).containsExactly("alice", "bob");
        assertThat(again.verify("bob", "b-pass".toCharArray())).isTrue();
        assertThat(again.verify("alice", "b-pass".toCharArray())).isFalse();
    }

    @Test
    void twoStoresOnOneDirectory_loseNoUser() throws IOException {
        // add re-reads the file under its lock, so a second process adding a user keeps the first's.
        UserStore one = UserStore.open(data);
        UserStore two = UserStore.open(data);
        one.add("alice", "a".toCharArray());
        two.add("bob", "b".toCharArray());
        assertThat(UserStore.open(data).users()).containsExactly("alice", "bob");
        assertThatThrownBy(() -> two.add("alice", "x".toCharArray())).hasMessageContaining("already exists");
    }

    @Test
    void usersFile_hasTheDocumentedFormatAndIsPrivate() throws IOException {
        // name:pbkdf2-sha256:<iterations>:<salt>:<hash>, OWASP's iteration count, a 16-byte salt,
        // readable by the owner only; no temporary file is left behind.
        UserStore store = UserStore.open(data);
        store.add("alice", "secret".toCharArray());
        String line = Files.readString(store.file(), StandardCharsets.UTF_8).strip();
        String[] f = line.split(":");
        assertThat(f).hasSize(5);
        assertThat(f[0]).isEqualTo("alice");
        assertThat(f[1]).isEqualTo("pbkdf2-sha256");
        assertThat(Integer.parseInt(f[2])).isGreaterThanOrEqualTo(600_000);
        assertThat(java.util.Base64.getDecoder().decode(f[3])).hasSize(16);
        assertThat(java.util.Base64.getDecoder().decode(f[4])).hasSize(32);
        assertThat(line).doesNotContain("secret");
        if (Files.getFileStore(data).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(store.file())).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        assertThat(data.resolve(".users.tmp")).doesNotExist();
    }

    @Test
    void samePasswordTwice_getsDifferentSalts() throws IOException {
        // A random salt per user: equal passwords do not give equal hashes.
        UserStore store = UserStore.open(data);
        store.add("alice", "same".toCharArray());
        store.add("bob", "same".toCharArray());
        List<String> lines = Files.readAllLines(store.file());
        assertThat(lines.get(0).split(":")[3]).isNotEqualTo(lines.get(1).split(":")[3]);
        assertThat(lines.get(0).split(":")[4]).isNotEqualTo(lines.get(1).split(":")[4]);
    }

    @Test
    void corruptLine_isReportedWithItsLineNumber() throws IOException {
        // An operator editing the file by hand needs to know which line is wrong, in one line.
        UserStore store = UserStore.open(data);
        store.add("alice", "secret".toCharArray());
        String good = Files.readString(store.file()).strip();
        String[][] cases = {
            {"bob:pbkdf2-sha256:600000:AAAA", "expected name:pbkdf2-sha256"},
            {"bob:md5:600000:" + good.split(":")[3] + ":" + good.split(":")[4], "unknown hash scheme 'md5'"},
            {"bob:pbkdf2-sha256:many:" + good.split(":")[3] + ":" + good.split(":")[4], "iteration count"},
            {"bob:pbkdf2-sha256:600000:!!!:" + good.split(":")[4], "salt is not base64"},
            {"../bob" + good.substring(5), "not a valid user name"},
            {good, "user 'alice' appears twice"},
        };
        for (String[] c : cases) {
            Files.writeString(store.file(), good + "\n\n" + c[0] + "\n");
            assertThatThrownBy(() -> UserStore.open(data)).as(c[0]).isInstanceOf(UsersFileException.class)
                    .hasMessageContaining("users line 3: ").hasMessageContaining(c[1])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void blankLines_areIgnored() throws IOException {
        // A trailing newline or an empty line left by an editor is not an error.
        UserStore store = UserStore.open(data);
        store.add("alice", "secret".toCharArray());
        Files.writeString(store.file(), "\n" + Files.readString(store.file()) + "\n\n");
        assertThat(UserStore.open(data).verify("alice", "secret".toCharArray())).isTrue();
    }

    @Test
    void concurrentWritersInTwoStores_loseNoChange() throws Exception {
        // Two "processes" (two stores, each on its own threads) add, re-password and remove at
        // once: the file lock and the re-read under it keep every change; the file parses after.
        UserStore one = UserStore.open(data);
        UserStore two = UserStore.open(data);
        one.add("gone", "gone-password".toCharArray());
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var a = threads.submit(() -> {
                one.add("alice", "alice-password".toCharArray());
                one.remove("gone");
                return null;
            });
            var b = threads.submit(() -> {
                two.add("bob", "bob-password".toCharArray());
                two.add("carol", "carol-password".toCharArray());
                return null;
            });
            a.get();
            b.get();
        }
        assertThat(UserStore.open(data).users()).containsExactly("alice", "bob", "carol");
        assertThat(two.verify("alice", "alice-password".toCharArray())).isTrue();
    }

    @Test
    void otherStoreChangesTheFile_thisStoreSeesItAtTheNextLookup() throws IOException {
        // What a running server relies on: the file is re-read when its identity, time or size
        // changes (an atomic replace changes the inode), and also on a miss.
        UserStore server = UserStore.open(data);
        assertThat(server.contains("alice")).isFalse();
        UserStore.open(data).add("alice", "alice-password".toCharArray());
        assertThat(server.contains("alice")).isTrue();
        UserStore.open(data).setPassword("alice", "another-password".toCharArray());
        assertThat(server.verify("alice", "alice-password".toCharArray())).isFalse();
        assertThat(server.verify("alice", "another-password".toCharArray())).isTrue();
        UserStore.open(data).remove("alice");
        assertThat(server.users()).isEmpty();
    }

    @Test
    void fileBrokenWhileServing_keepsTheUsersReadBefore() throws IOException {
        // A hand edit that breaks the file must not lock everyone out: the last good contents stay.
        UserStore server = UserStore.open(data);
        server.add("alice", "alice-password".toCharArray());
        Files.writeString(data.resolve("users"), "not a users line\n");
        assertThat(server.contains("alice")).isTrue();
        assertThat(server.verify("alice", "alice-password".toCharArray())).isTrue();
    }

    @Test
    void removeOrPasswdOfAnUnknownUser_isRefused() throws IOException {
        // A typo in deluser/passwd says so instead of succeeding silently.
        UserStore store = UserStore.open(data);
        assertThatThrownBy(() -> store.remove("nobody")).hasMessage("no user 'nobody'");
        assertThatThrownBy(() -> store.setPassword("nobody", "x-password".toCharArray())).hasMessage("no user 'nobody'");
    }
}
