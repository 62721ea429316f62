package armada.sim;

import armada.world.Durability;

import static org.assertj.core.api.Assertions.assertThat;

import armada.world.Block;
import armada.world.Fd;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a trace says each numbered crash state kept: every state a device offers is described,
 * in the order the explorer numbers them (s0 keeps everything), so a reader of {@code durable
 * state s2 of 6} knows which writes it dropped without replaying it.
 */
class CrashStateTextTest {

    private static List<String> describeAll(SimDisk d, CrashStates<List<Block>> states) {
        List<String> out = new ArrayList<>();
        for (List<Block> s : states.states) {
            out.add(String.join(", ", CrashStateText.disk(d, s)));
        }
        return out;
    }

    @Test
    void reorderedDisk_eachStateSaysWhichWritesEachBlockKept() {
        // Block 0 gets 1 then 2, block 1 gets 3, none synced: block 0 keeps both, the first or
        // none, block 1 keeps its write or not, independently (3 x 2 states, s0 keeps all).
        SimDisk d = new SimDisk(new Machine(2), 0, 2);
        d.store(0, Block.filled(1), Durability.REORDERED);
        d.store(0, Block.filled(2), Durability.REORDERED);
        d.store(1, Block.filled(3), Durability.REORDERED);

        List<String> said = describeAll(d, d.crashStates(Durability.REORDERED, 100, 0));

        assertThat(said).hasSize(6).first().isEqualTo("kept all 2 writes to disk0[0], kept write disk0[1]");
        assertThat(said).contains("kept 1 of 2 writes to disk0[0], kept write disk0[1]",
                "lost all 2 writes to disk0[0], lost write disk0[1]",
                "kept all 2 writes to disk0[0], lost write disk0[1]").doesNotHaveDuplicates();
    }

    @Test
    void tornBlockWrite_saysWhichWriteToreAndHowMuchOfItSurvived() {
        // 2048-byte sectors: the single write of 1s may survive with its first sector only.
        SimDisk d = new SimDisk(new Machine(2), 0, 1);
        d.store(0, Block.filled(1), Durability.REORDERED);

        List<String> said = describeAll(d, d.crashStates(Durability.REORDERED, 100, 2048));

        assertThat(said).containsExactly("kept write disk0[0]", "lost write disk0[0]",
                "tore write disk0[0] (kept its first 2048 of 4096 bytes)");
    }

    @Test
    void fileSystem_namesAppendsAndRenamesKeptOrLost() {
        // d/f holds "old" durably; "new" is appended to d/tmp, which is renamed over d/f, and
        // nothing is synced. Each state says what happened to the rename and to the append.
        SimFileSystem fs = new SimFileSystem(FsHost.STANDALONE, List.of("d"), Durability.REORDERED);
        Fd f = fs.create("d", "f").orElseThrow();
        fs.append(f, "old".getBytes(StandardCharsets.UTF_8));
        fs.close(f);
        fs.flushAll();
        Fd t = fs.create("d", "tmp").orElseThrow();
        fs.append(t, "new".getBytes(StandardCharsets.UTF_8));
        fs.close(t);
        fs.rename("d", "tmp", "d", "f");

        List<FsSnapshot> states = fs.crashStates(100, 0).states;
        List<String> said = new ArrayList<>();
        for (FsSnapshot s : states) {
            said.add(String.join(", ", fs.describe(states.getFirst(), s)));
        }

        assertThat(said.getFirst()).isEqualTo("kept rename over d/f, kept append to d/f (3 bytes)");
        assertThat(said).contains("kept rename over d/f, lost append to d/f (3 bytes)")
                .anySatisfy(s -> assertThat(s).startsWith("lost rename over d/f"));
    }

    @Test
    void nothingPending_saysSo() {
        // A disk with every write synced offers one state; a file system likewise says nothing.
        SimFileSystem fs = new SimFileSystem(FsHost.STANDALONE, List.of("d"), Durability.REORDERED);
        fs.close(fs.create("d", "f").orElseThrow());
        fs.flushAll();
        FsSnapshot only = fs.crashStates(100, 0).states.getFirst();

        assertThat(fs.describe(only, only)).isEmpty();
    }
}
