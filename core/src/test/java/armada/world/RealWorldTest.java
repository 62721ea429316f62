package armada.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real World's disks: files, sizes, durability across a restart, and fail-stop. */
class RealWorldTest {

    @TempDir
    Path dir;

    @Test
    void newDisks_areFilesOfTheRightSizeThatReadAllZero() throws IOException {
        // A new disk file is created zero-filled, as a simulated disk starts out all zero.
        try (RealWorld world = RealWorld.open(dir, 2, 3)) {
            assertThat(world.diskCount()).isEqualTo(2);
            for (int d = 0; d < 2; d++) {
                assertThat(world.disk(d).size()).isEqualTo(3);
                for (int a = 0; a < 3; a++) {
                    assertThat(world.disk(d).read(a)).contains(Block.ZERO);
                }
            }
        }
        assertThat(Files.size(dir.resolve("disk0.img"))).isEqualTo(3L * Block.SIZE);
        assertThat(Files.size(dir.resolve("disk1.img"))).isEqualTo(3L * Block.SIZE);
        assertThat(dir.resolve("disk0.img.new")).doesNotExist();
    }

    @Test
    void writtenBlock_readsBack() throws IOException {
        // A write lands at its own address only; its neighbours stay zero.
        Block b = block(7);
        try (RealWorld world = RealWorld.open(dir, 1, 3)) {
            world.disk(0).write(1, b);

            assertThat(world.disk(0).read(1)).contains(b);
            assertThat(world.disk(0).read(0)).contains(Block.ZERO);
            assertThat(world.disk(0).read(2)).contains(Block.ZERO);
        }
    }

    @Test
    void writes_surviveCloseAndReopen() throws IOException {
        // Each write is forced before it returns, so a restart (close, reopen) finds it.
        try (RealWorld world = RealWorld.open(dir, 2, 2)) {
            world.disk(0).write(0, block(1));
            world.disk(1).write(1, Block.filled(0xAB));
        }
        try (RealWorld world = RealWorld.open(dir, 2, 2)) {
            assertThat(world.disk(0).read(0)).contains(block(1));
            assertThat(world.disk(0).read(1)).contains(Block.ZERO);
            assertThat(world.disk(1).read(1)).contains(Block.filled(0xAB));
        }
    }

    @Test
    void existingFileOfTheWrongSize_isRejectedAndLeftAlone() throws IOException {
        // The file may hold user data: opening it with another geometry must neither resize it
        // nor start, and the message says which file and both sizes.
        Path file = dir.resolve("disk0.img");
        Files.write(file, new byte[Block.SIZE]);

        assertThatThrownBy(() -> RealWorld.open(dir, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is 4096 bytes")
                .hasMessageContaining("are 8192 bytes");
        assertThat(Files.size(file)).isEqualTo(Block.SIZE);
    }

    @Test
    void diskAlreadyOpen_isRejected() throws IOException {
        // Two Worlds writing the same file would corrupt it; the file lock refuses the second.
        try (RealWorld world = RealWorld.open(dir, 1, 1)) {
            assertThatThrownBy(() -> RealWorld.open(dir, 1, 1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("disk0.img is already open");
            assertThat(world.disk(0).read(0)).contains(Block.ZERO);
        }
    }

    @Test
    void outOfRangeAddress_throwsNamingDiskSizeAndAddress() throws IOException {
        // An address outside the disk is a bug in the caller, not a disk failure.
        try (RealWorld world = RealWorld.open(dir, 1, 2)) {
            Disk d = world.disk(0);
            assertThatThrownBy(() -> d.read(5))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("disk 0 has 2 blocks; address 5 is out of range");
            assertThatThrownBy(() -> d.write(2, Block.ZERO))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("disk 0 has 2 blocks; address 2 is out of range");
            assertThatThrownBy(() -> d.read(-1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> world.disk(1))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("this World has 1 disks; no disk 1");
        }
    }

    @Test
    void ioErrorOnRead_failStopsTheDisk() throws IOException {
        // The file shrinks under the open disk, so a read hits its end: that is a failed read,
        // and from then on the disk reads as failed and drops writes, like a simulated one.
        try (RealWorld world = RealWorld.open(dir, 1, 2)) {
            try (FileChannel c = FileChannel.open(dir.resolve("disk0.img"), StandardOpenOption.WRITE)) {
                c.truncate(Block.SIZE);
            }
            Disk d = world.disk(0);
            assertThat(d.read(1)).isEmpty();
            assertThat(d.read(0)).isEmpty();
            d.write(0, block(3));
        }
        assertThat(Files.size(dir.resolve("disk0.img"))).isEqualTo(Block.SIZE);
        assertThat(Files.readAllBytes(dir.resolve("disk0.img"))).containsOnly((byte) 0);
    }

    @Test
    void interruptDuringWrite_failStopsTheDiskButKeepsEarlierWrites() throws IOException {
        // An interrupt closes a FileChannel (ClosedByInterruptException): the write is lost and
        // the disk fails for the rest of this run. What was written before survives a restart.
        try (RealWorld world = RealWorld.open(dir, 1, 2)) {
            Disk d = world.disk(0);
            d.write(0, block(1));
            world.spawn(() -> {
                Thread.currentThread().interrupt();
                d.write(1, block(2));
            }).join();

            assertThat(d.read(0)).isEmpty();
        }
        try (RealWorld world = RealWorld.open(dir, 1, 2)) {
            assertThat(world.disk(0).read(0)).contains(block(1));
            assertThat(world.disk(0).read(1)).contains(Block.ZERO);
        }
    }

    @Test
    void diskUsedAfterClose_throws() throws IOException {
        // Closing the World is not a disk failure: using it afterwards is a bug and says so.
        RealWorld world = RealWorld.open(dir, 1, 1);
        Disk d = world.disk(0);
        world.close();

        assertThatThrownBy(() -> d.read(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("disk0 is closed");
    }

    @Test
    void badCounts_areRejected() {
        // Nothing is created for a geometry that cannot exist.
        assertThatThrownBy(() -> RealWorld.open(dir, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RealWorld.open(dir, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.resolve("disk0.img")).doesNotExist();
    }

    /** A block whose bytes differ from one another, so that offsets matter. */
    static Block block(int seed) {
        byte[] bytes = new byte[Block.SIZE];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return Block.of(bytes);
    }
}
