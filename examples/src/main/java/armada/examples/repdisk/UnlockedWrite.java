package armada.examples.repdisk;

import armada.world.Block;
import armada.world.World;

/**
 * Broken: a write does not take the per-address lock. Two concurrent writes of the same address
 * can interleave as 1 to disk 0, 2 to disk 0, 2 to disk 1, 1 to disk 1, leaving the disks
 * disagreeing after both returned. A read then returns 2 from disk 0; when disk 0 fails the
 * next read returns 1 from disk 1, though no write happened in between. Shortest execution:
 * {@code t0.t0.t1.t1.t1.t0.t0.t1.m.m.m.m.m.m.m.f0}.
 */
public final class UnlockedWrite extends ReplicatedDisk {

    private UnlockedWrite(World world) {
        super(world);
    }

    public static ReplicatedDisk boot(World world) {
        return new UnlockedWrite(world);
    }

    public static ReplicatedDisk recover(World world) {
        UnlockedWrite rd = new UnlockedWrite(world);
        rd.recoverBlocks();
        return rd;
    }

    @Override
    public void write(int a, Block v) {
        d0.write(a, v);
        d1.write(a, v);
    }
}
