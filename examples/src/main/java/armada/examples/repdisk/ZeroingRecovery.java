package armada.examples.repdisk;

import armada.world.Block;
import armada.world.World;

/**
 * Broken: recovery makes the disks agree by zeroing both, as the paper's introduction warns.
 * Disks that agree are not enough: a write that completed before the crash is durable in the
 * spec, and zeroing erases it. Shortest execution: t0 writes 1 and returns, crash, recovery
 * zeroes, a read returns 0 ({@code t0.t0.t0.t0.t0.t0.c}).
 */
public final class ZeroingRecovery extends ReplicatedDisk {

    private ZeroingRecovery(World world) {
        super(world);
    }

    public static ReplicatedDisk boot(World world) {
        return new ZeroingRecovery(world);
    }

    public static ReplicatedDisk recover(World world) {
        ZeroingRecovery rd = new ZeroingRecovery(world);
        for (int a = 0; a < rd.d0.size(); a++) {
            rd.d0.write(a, Block.ZERO);
            rd.d1.write(a, Block.ZERO);
        }
        return rd;
    }
}
