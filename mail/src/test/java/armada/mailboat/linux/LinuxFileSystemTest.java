package armada.mailboat.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import armada.world.Fd;
import armada.world.MissingFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the conformance test cannot see: descriptors kept or not, none leaked, listings atomic under concurrent changes. */
class LinuxFileSystemTest {

    @TempDir
    Path root;

    @BeforeEach
    void linuxOnly() {
        assumeTrue(LinuxFileSystem.available(), "the Linux file system is not available here");
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void pastTheMostKeptDirectories_eachCallOpensAndClosesItsOwn() throws IOException {
        // With room for one kept directory descriptor, calls on the other two open and close
        // their own, and behave the same; closing the file system leaves no descriptor behind.
        long before = openDescriptors();
        List<String> dirs = List.of("a/tmp", "a/new", "b/new");
        try (LinuxFileSystem fs = LinuxFileSystem.open(root, dirs, 1).orElseThrow()) {
            for (int round = 0; round < 3; round++) {
                for (String d : dirs) {
                    Fd fd = fs.create(d, "m" + round).orElseThrow();
                    fs.append(fd, ("in " + d).getBytes(StandardCharsets.US_ASCII));
                    fs.fsync(fd);
                    fs.close(fd);
                    fs.fsyncDir(d);
                }
                assertThat(fs.link("a/tmp", "m" + round, "b/new", "l" + round)).isTrue();
                assertThat(fs.link("a/tmp", "m" + round, "b/new", "l" + round)).isFalse();
                fs.unlink("a/new", "m" + round);
                assertThat(openDescriptors()).isEqualTo(before + 1);
            }
            assertThat(fs.list("b/new")).containsExactly("l0", "l1", "l2", "m0", "m1", "m2");
            assertThat(fs.list("a/new")).isEmpty();
            Fd fd = fs.open("b/new", "l1").orElseThrow();
            assertThat(new String(fs.read(fd, 0, 100), StandardCharsets.US_ASCII)).isEqualTo("in a/tmp");
            fs.close(fd);
            assertThatThrownBy(() -> fs.unlink("a/new", "m0")).isInstanceOf(MissingFileException.class);
        }
        assertThat(openDescriptors()).isEqualTo(before);
    }

    @Test
    void ioError_isUncheckedIoExceptionWithTheKernelsReason() throws IOException {
        // A declared directory replaced by a file behind the file system's back: the kernel says
        // ENOTDIR, reported with the path and the C library's words, as an UncheckedIOException.
        try (LinuxFileSystem fs = LinuxFileSystem.open(root, List.of("d")).orElseThrow()) {
            Files.delete(root.resolve("d"));
            Files.writeString(root.resolve("d"), "not a directory");
            assertThatThrownBy(() -> fs.create("d", "x"))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("d/x: Not a directory");
        }
    }

    @Test
    void listingDuringLinksAndUnlinks_seesWholeCalls() throws Exception {
        // A writer keeps exactly 50 names in the directory, adding one then removing another
        // (both under the directory's lock): a listing is one step, so it sees 50 or 51 names,
        // never a torn state, however the calls interleave.
        try (LinuxFileSystem fs = LinuxFileSystem.open(root, List.of("src", "dst")).orElseThrow()) {
            fs.close(fs.create("src", "f").orElseThrow());
            for (int i = 0; i < 50; i++) {
                assertThat(fs.link("src", "f", "dst", "n" + i)).isTrue();
            }
            CountDownLatch started = new CountDownLatch(1);
            AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
            Thread writer = Thread.ofPlatform().start(() -> {
                started.countDown();
                try {
                    for (int i = 50; i < 3000; i++) {
                        fs.link("src", "f", "dst", "n" + i);
                        fs.unlink("dst", "n" + (i - 50));
                    }
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            });
            started.await();
            List<Integer> sizes = new ArrayList<>();
            while (writer.isAlive()) {
                sizes.add(fs.list("dst").size());
            }
            writer.join();
            assertThat(failure.get()).isNull();
            assertThat(sizes).isNotEmpty().allMatch(n -> n == 50 || n == 51);
            assertThat(fs.list("dst")).hasSize(50);
        }
    }
}
