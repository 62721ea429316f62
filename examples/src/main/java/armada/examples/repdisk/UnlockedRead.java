package armada.examples.repdisk;

import armada.world.Block;
import armada.world.World;

/**
 * Broken: a read does not take the per-address lock, so it can see a write half done. The read
 * returns the new value from disk 0 while the write has not reached disk 1; then disk 0 fails
 * and the reader's next read returns the old value from disk 1. Once a read has returned the
 * new value the write has taken effect, so the old value can never come back. Shortest
 * execution: {@code t0.t0.t0.t1.t1.t1.t1.f0}.
 */
public final class UnlockedRead extends ReplicatedDisk {

    private UnlockedRead(World world) {
        super(world);
    }

    public static ReplicatedDisk boot(World world) {
        return new UnlockedRead(world);
    }

    public static ReplicatedDisk recover(World world) {
        UnlockedRead rd = new UnlockedRead(world);
        rd.recoverBlocks();
        return rd;
    }

    @Override
    public Block read(int a) {
        return readBoth(a);
    }
}
