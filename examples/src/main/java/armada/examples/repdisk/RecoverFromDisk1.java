package armada.examples.repdisk;

import armada.world.Block;
import armada.world.World;
import java.util.Optional;

/**
 * Plausible-looking but correct: recovery copies disk 1 to disk 0 instead of disk 0 to disk 1.
 * A write interrupted between the disks is then rolled back instead of completed, which the
 * spec allows for an operation pending at a crash; and if disk 1 has failed, disk 0 is kept and
 * the write counts as done. The checker is right to say HOLDS.
 */
public final class RecoverFromDisk1 extends ReplicatedDisk {

    private RecoverFromDisk1(World world) {
        super(world);
    }

    public static ReplicatedDisk boot(World world) {
        return new RecoverFromDisk1(world);
    }

    public static ReplicatedDisk recover(World world) {
        RecoverFromDisk1 rd = new RecoverFromDisk1(world);
        for (int a = 0; a < rd.d1.size(); a++) {
            Optional<Block> v = rd.d1.read(a);
            if (v.isPresent()) {
                rd.d0.write(a, v.get());
            }
        }
        return rd;
    }
}
