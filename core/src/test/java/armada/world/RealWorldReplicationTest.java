package armada.world;

import static armada.world.RealWorldTest.block;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replicated disk's logic (Figures 3 and 4: a lock per address, write disk 0 then disk 1,
 * read disk 0 and fall back to disk 1) run on the real World, with real files and threads.
 */
class RealWorldReplicationTest {

    private static final int BLOCKS = 8;

    @TempDir
    Path dir;

    /** The replicated disk written against the World API only, as checked code is. */
    private static final class Replicated {
        final Disk d0;
        final Disk d1;
        final Lock[] locks = new Lock[BLOCKS];

        Replicated(World world) {
            d0 = world.disk(0);
            d1 = world.disk(1);
            for (int a = 0; a < BLOCKS; a++) {
                locks[a] = world.newLock();
            }
        }

        void write(int a, Block v) {
            locks[a].lock();
            d0.write(a, v);
            d1.write(a, v);
            locks[a].unlock();
        }

        Block read(int a) {
            locks[a].lock();
            Optional<Block> v = d0.read(a);
            if (v.isEmpty()) {
                v = d1.read(a);
            }
            locks[a].unlock();
            return v.orElse(Block.ZERO);
        }
    }

    @Test
    void concurrentReplicatedWrites_readBackThroughBothDisksAndAfterRestart() throws IOException {
        // Each thread writes its own addresses through the replicated disk; every write reaches
        // both disks before it returns, so both disks hold every block, now and after reopening.
        try (RealWorld world = RealWorld.open(dir, 2, BLOCKS)) {
            Replicated rd = new Replicated(world);
            List<Task> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                tasks.add(world.spawn(() -> {
                    for (int a = first; a < BLOCKS; a += 4) {
                        rd.write(a, block(a));
                    }
                }));
            }
            tasks.forEach(Task::join);

            for (int a = 0; a < BLOCKS; a++) {
                assertThat(rd.read(a)).isEqualTo(block(a));
                assertThat(world.disk(0).read(a)).contains(block(a));
                assertThat(world.disk(1).read(a)).contains(block(a));
            }
        }
        try (RealWorld world = RealWorld.open(dir, 2, BLOCKS)) {
            for (int a = 0; a < BLOCKS; a++) {
                assertThat(world.disk(0).read(a)).contains(block(a));
                assertThat(world.disk(1).read(a)).contains(block(a));
            }
        }
    }

    @Test
    void disk0Lost_readsFallBackToDisk1() throws IOException {
        // Disk 0's file loses its blocks under the running system, so its reads fail; the
        // replicated read then returns disk 1's copy, which is why the write went to both.
        try (RealWorld world = RealWorld.open(dir, 2, BLOCKS)) {
            Replicated rd = new Replicated(world);
            rd.write(5, block(5));
            try (FileChannel c = FileChannel.open(dir.resolve("disk0.img"), StandardOpenOption.WRITE)) {
                c.truncate(0);
            }

            assertThat(world.disk(0).read(5)).isEmpty();
            assertThat(rd.read(5)).isEqualTo(block(5));
            assertThat(rd.read(4)).isEqualTo(Block.ZERO);
        }
    }
}
