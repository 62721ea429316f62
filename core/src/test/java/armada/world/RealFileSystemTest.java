package armada.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import armada.sim.SimFileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real file system on its own and inside a {@link RealWorld}. */
class RealFileSystemTest {

    private static final List<String> DIRS = List.of("tmp", "new");

    @TempDir
    Path root;

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void syncedFile_survivesCloseAndReopenOfTheWorld() throws IOException {
        // Data fsynced and an entry whose directory is fsynced are on disk: a restart (close,
        // reopen) finds the file under its new name with its bytes, and the old name gone.
        try (RealWorld world = RealWorld.open(root, 1, 1, DIRS)) {
            FileSystem fs = world.fileSystem();
            Fd fd = fs.create("tmp", "m1").orElseThrow();
            fs.append(fd, bytes(1, 2));
            fs.append(fd, bytes(3));
            fs.fsync(fd);
            fs.close(fd);
            assertThat(fs.link("tmp", "m1", "new", "m1")).isTrue();
            fs.fsyncDir("new");
            fs.unlink("tmp", "m1");
            fs.fsyncDir("tmp");
        }
        try (RealWorld world = RealWorld.open(root, 1, 1, DIRS)) {
            FileSystem fs = world.fileSystem();
            assertThat(fs.list("tmp")).isEmpty();
            assertThat(fs.list("new")).containsExactly("m1");
            Fd fd = fs.open("new", "m1").orElseThrow();
            assertThat(fs.size(fd)).isEqualTo(3);
            assertThat(fs.read(fd, 0, 100)).containsExactly(1, 2, 3);
        }
        assertThat(root.resolve("new").resolve("m1")).hasBinaryContent(bytes(1, 2, 3));
    }

    @Test
    void closingTheWorld_closesItsDescriptors() throws IOException {
        // Descriptors are volatile: after the World is closed (a restart), an old one is closed.
        Fd fd;
        try (RealWorld world = RealWorld.open(root, 0, 1, DIRS)) {
            fd = world.fileSystem().create("tmp", "a").orElseThrow();
        }
        try (RealWorld world = RealWorld.open(root, 0, 1, DIRS)) {
            assertThatThrownBy(() -> world.fileSystem().append(fd, bytes(1)))
                    .isInstanceOf(IllegalStateException.class).hasMessage("tmp/a is closed");
        }
    }

    @Test
    void worldWithoutDirectories_hasAFileSystemThatRejectsEveryDirectory() throws IOException {
        // The three-argument open declares no directories; the file system is there but empty.
        try (RealWorld world = RealWorld.open(root, 1, 1)) {
            assertThat(world.fileSystem().directories()).isEmpty();
            assertThatThrownBy(() -> world.fileSystem().list("tmp"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("no directory 'tmp' (declared: )");
        }
    }

    @Test
    void directoryNamedLikeADiskFile_isRejected() {
        // disk0.img is the World's own file in the same root.
        assertThatThrownBy(() -> RealWorld.open(root, 1, 1, List.of("disk0.img")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disk0.img");
        assertThatThrownBy(() -> RealWorld.open(root, 1, 1, List.of("disk0.img/new")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disk0.img");
        assertThatThrownBy(() -> RealWorld.open(root, 1, 1, List.of("a/../b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'..' is not a file name");
        assertThatThrownBy(() -> RealWorld.open(root, 1, 1, List.of("a//b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be empty");
    }

    @Test
    void nestedDirectories_areCreatedAndIndependent() throws IOException {
        // alice/new and alice/tmp are two directories of one Maildir, each its own set of names.
        RealFileSystem fs = RealFileSystem.open(root, List.of("alice/tmp", "alice/new"));
        fs.close(fs.create("alice/tmp", "m").orElseThrow());
        assertThat(fs.link("alice/tmp", "m", "alice/new", "m")).isTrue();
        assertThat(fs.list("alice/new")).containsExactly("m");
        assertThat(root.resolve("alice/new/m")).exists();
    }

    @Test
    void createExisting_isEmptyAndLeavesTheFileAlone() throws IOException {
        // create is O_CREAT|O_EXCL: a second create of the name fails without truncating.
        RealFileSystem fs = RealFileSystem.open(root, DIRS);
        Fd fd = fs.create("tmp", "a").orElseThrow();
        fs.append(fd, bytes(7));
        assertThat(fs.create("tmp", "a")).isEmpty();
        assertThat(fs.size(fd)).isEqualTo(1);
        assertThat(fs.open("tmp", "missing")).isEmpty();
    }

    @Test
    void link_addsASecondNameAndRefusesAnExistingTarget() throws IOException {
        // Both names reach one file; the source missing wins over the target existing, as in
        // link(2), which looks the source up first.
        RealFileSystem fs = RealFileSystem.open(root, DIRS);
        Fd fd = fs.create("tmp", "a").orElseThrow();
        assertThat(fs.create("new", "taken")).isPresent();
        assertThat(fs.link("tmp", "a", "new", "b")).isTrue();
        assertThat(fs.link("tmp", "a", "new", "taken")).isFalse();
        assertThat(fs.link("tmp", "a", "tmp", "a")).isFalse();
        fs.append(fd, bytes(5));
        Fd viaB = fs.open("new", "b").orElseThrow();
        assertThat(fs.read(viaB, 0, 10)).containsExactly(5);
        assertThatThrownBy(() -> fs.link("tmp", "gone", "new", "taken"))
                .isInstanceOf(MissingFileException.class).hasMessage("no file tmp/gone");
    }

    @Test
    void rename_replacesTheTargetAndOpenDescriptorsKeepTheirFile() throws IOException {
        // The replaced file lives on for a descriptor opened before the rename.
        RealFileSystem fs = RealFileSystem.open(root, DIRS);
        Fd a = fs.create("tmp", "a").orElseThrow();
        fs.append(a, bytes(1));
        Fd b = fs.create("new", "b").orElseThrow();
        fs.append(b, bytes(2, 2));
        Fd oldB = fs.open("new", "b").orElseThrow();
        fs.rename("tmp", "a", "new", "b");
        assertThat(fs.list("tmp")).isEmpty();
        assertThat(fs.list("new")).containsExactly("b");
        assertThat(fs.read(fs.open("new", "b").orElseThrow(), 0, 10)).containsExactly(1);
        assertThat(fs.read(oldB, 0, 10)).containsExactly(2, 2);
        fs.rename("new", "b", "new", "b");
        assertThat(fs.list("new")).containsExactly("b");
        assertThatThrownBy(() -> fs.rename("tmp", "a", "new", "c"))
                .isInstanceOf(MissingFileException.class).hasMessage("no file tmp/a");
    }

    @Test
    void unlink_removesTheNameButNotAnOpenFile() throws IOException {
        // An unlinked file stays readable and appendable through descriptors already open.
        RealFileSystem fs = RealFileSystem.open(root, DIRS);
        Fd w = fs.create("tmp", "a").orElseThrow();
        Fd r = fs.open("tmp", "a").orElseThrow();
        fs.unlink("tmp", "a");
        fs.append(w, bytes(4, 5));
        assertThat(fs.read(r, 1, 10)).containsExactly(5);
        assertThat(fs.list("tmp")).isEmpty();
        assertThatThrownBy(() -> fs.unlink("tmp", "a"))
                .isInstanceOf(MissingFileException.class).hasMessage("no file tmp/a");
    }

    @Test
    void misusedDescriptors_failAsInTheModel() throws IOException {
        // Same class and message in both backends: wrong mode, closed, negative ranges.
        FileSystem model = SimFileSystem.standalone(DIRS);
        FileSystem real = RealFileSystem.open(root, DIRS);
        List<Consumer<FileSystem>> misuses = List.of(
                fs -> fs.truncate(fs.create("tmp", "w").orElseThrow(), -1),
                fs -> fs.append(fs.open("tmp", "w").orElseThrow(), bytes(1)),
                fs -> fs.write(fs.open("tmp", "w").orElseThrow(), 0, bytes(1)),
                fs -> fs.truncate(fs.open("tmp", "w").orElseThrow(), 0),
                fs -> fs.write(fs.openWrite("tmp", "w").orElseThrow(), -1, bytes(1)),
                fs -> fs.read(fs.open("tmp", "w").orElseThrow(), -1, 1),
                fs -> fs.read(fs.open("tmp", "w").orElseThrow(), 0, -1),
                fs -> {
                    Fd fd = fs.open("tmp", "w").orElseThrow();
                    fs.close(fd);
                    fs.close(fd);
                    fs.size(fd);
                },
                fs -> fs.fsync(new Fd() {
                    @Override
                    public boolean writable() {
                        return true;
                    }

                    @Override
                    public String toString() {
                        return "foreign";
                    }
                }));
        for (Consumer<FileSystem> misuse : misuses) {
            assertThat(failure(real, misuse)).isEqualTo(failure(model, misuse)).startsWith("java.lang.Illegal");
        }
    }

    @Test
    void hostileNamesAndDirectories_areRejectedIdenticallyByBothBackends() throws IOException {
        // Names.check and Names.checkDirectory run first and in the same order in both, so
        // the first bad argument of a call decides the message.
        FileSystem model = SimFileSystem.standalone(DIRS);
        FileSystem real = RealFileSystem.open(root, DIRS);
        List<Consumer<FileSystem>> calls = new ArrayList<>();
        for (String n : FsCallGenerator.HOSTILE_NAMES) {
            calls.addAll(List.of(fs -> fs.create("tmp", n), fs -> fs.open("tmp", n), fs -> fs.unlink("new", n),
                    fs -> fs.link("tmp", n, "new", "x"), fs -> fs.link("tmp", "x", "new", n),
                    fs -> fs.rename("tmp", n, "tmp", n), fs -> fs.rename("tmp", "x", "nope", n)));
        }
        for (String d : FsCallGenerator.HOSTILE_DIRS) {
            calls.addAll(List.of(fs -> fs.create(d, "a"), fs -> fs.open(d, ".."), fs -> fs.unlink(d, "a"),
                    fs -> fs.link("tmp", "", d, "a"), fs -> fs.rename(d, "a", "tmp", "a/b"),
                    fs -> fs.list(d), fs -> fs.fsyncDir(d)));
        }
        for (int i = 0; i < calls.size(); i++) {
            assertThat(failure(real, calls.get(i))).as("call %d", i)
                    .isEqualTo(failure(model, calls.get(i))).startsWith("java.lang.IllegalArgumentException");
        }
        try (Stream<Path> names = Files.list(root.resolve("tmp"))) {
            assertThat(names).isEmpty();
        }
    }

    @Test
    void nonAsciiName_needsAUtf8FileNameEncoding() throws IOException {
        // The JVM turns names into bytes by sun.jnu.encoding, which follows the locale: under
        // LANG=C it is ASCII and a valid non-ASCII name cannot exist on the real side.
        assumeThat(System.getProperty("sun.jnu.encoding")).isEqualTo("UTF-8");
        RealFileSystem fs = RealFileSystem.open(root, DIRS);
        assertThat(fs.create("tmp", "é€")).isPresent();
        assertThat(fs.list("tmp")).containsExactly("é€");
    }

    @Test
    void unpairedSurrogateName_isRejectedIdenticallyByBothBackends() throws IOException {
        // Such a name is not valid UTF-16, so no file can have it: both should say so alike.
        FileSystem model = SimFileSystem.standalone(DIRS);
        FileSystem real = RealFileSystem.open(root, DIRS);
        Consumer<FileSystem> create = fs -> fs.create("tmp", "\uD800");
        assertThat(failure(real, create)).isEqualTo(failure(model, create));
    }

    @Test
    void concurrentAppendsToTwoFiles_loseNothing() throws Exception {
        // Two threads append 2,000 records each to their own file: each file holds exactly
        // its own records, in order.
        try (RealWorld world = RealWorld.open(root, 0, 1, DIRS)) {
            FileSystem fs = world.fileSystem();
            int records = 2_000;
            List<Task> tasks = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                String name = "f" + t;
                int tag = t;
                tasks.add(world.spawn(() -> {
                    Fd fd = fs.create("tmp", name).orElseThrow();
                    for (int i = 0; i < records; i++) {
                        fs.append(fd, bytes(tag, i & 0xFF, i >> 8));
                    }
                    fs.fsync(fd);
                    fs.close(fd);
                }));
            }
            tasks.forEach(Task::join);
            for (int t = 0; t < 2; t++) {
                Fd fd = fs.open("tmp", "f" + t).orElseThrow();
                byte[] all = fs.read(fd, 0, Integer.MAX_VALUE);
                assertThat(all).hasSize(3 * records);
                for (int i = 0; i < records; i++) {
                    assertThat(new byte[] {all[3 * i], all[3 * i + 1], all[3 * i + 2]})
                            .as("record %d of f%d", i, t).containsExactly(bytes(t, i & 0xFF, i >> 8));
                }
            }
        }
    }

    @Test
    void listRacingWithRenames_seesEachFileExactlyOnce() throws IOException {
        // list is one atomic step: a file renamed back and forth within the directory shows
        // under exactly one of its names in every listing, never none or both. readdir alone
        // does not promise that once the directory takes several getdents calls to read (glibc
        // reads 32 KiB at a time), so the directory holds a thousand long names (80 KiB).
        int others = 1_000;
        String padding = "-".repeat(60);
        try (RealWorld world = RealWorld.open(root, 0, 1, DIRS)) {
            FileSystem fs = world.fileSystem();
            for (int i = 0; i < others; i++) {
                fs.close(fs.create("new", i + padding).orElseThrow());
            }
            assertThat(fs.create("new", "x")).isPresent();
            AtomicBoolean stop = new AtomicBoolean();
            Task renamer = world.spawn(() -> {
                for (int i = 0; !stop.get(); i++) {
                    fs.rename("new", i % 2 == 0 ? "x" : "y", "new", i % 2 == 0 ? "y" : "x");
                }
            });
            try {
                for (int i = 0; i < 50; i++) {
                    List<String> names = fs.list("new");
                    assertThat(names.contains("x") ^ names.contains("y"))
                            .as("listing %d: x %s, y %s", i, names.contains("x"), names.contains("y")).isTrue();
                    assertThat(names).hasSize(others + 1);
                }
            } finally {
                stop.set(true);
                renamer.join();
            }
        }
    }

    /** The exception a call throws, as class and message; "no exception" if none. */
    private static String failure(FileSystem fs, Consumer<FileSystem> call) {
        try {
            call.accept(fs);
            return "no exception";
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
