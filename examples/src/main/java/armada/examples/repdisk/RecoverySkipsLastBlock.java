package armada.examples.repdisk;

import armada.world.Block;
import armada.world.World;
import java.util.Optional;

/**
 * Broken: recovery's loop stops one block short ({@code a < size - 1}). A crash in the middle of
 * a write to the last address leaves the disks disagreeing there for good: a read returns the
 * new value from disk 0, and after disk 0 fails a read returns the old value from disk 1.
 * Shortest execution: {@code t0.t0.t0.c.m.m.m.m.m.f0}.
 */
public final class RecoverySkipsLastBlock extends ReplicatedDisk {

    private RecoverySkipsLastBlock(World world) {
        super(world);
    }

    public static ReplicatedDisk boot(World world) {
        return new RecoverySkipsLastBlock(world);
    }

    public static ReplicatedDisk recover(World world) {
        RecoverySkipsLastBlock rd = new RecoverySkipsLastBlock(world);
        for (int a = 0; a < rd.d0.size() - 1; a++) {
            Optional<Block> v = rd.d0.read(a);
            if (v.isPresent()) {
                rd.d1.write(a, v.get());
            }
        }
        return rd;
    }
}
