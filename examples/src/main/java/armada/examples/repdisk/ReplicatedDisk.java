package armada.examples.repdisk;

import armada.spec.Op;
import armada.spec.Unit;
import armada.world.Block;
import armada.world.Disk;
import armada.world.Lock;
import armada.world.World;
import java.util.Optional;

/**
 * The replicated disk of Figures 3 and 4: a lock per address; a write goes to disk 0 then disk
 * 1 under the lock; a read takes the lock and reads disk 0, falling back to disk 1 if disk 0
 * has failed; recovery copies every block of disk 0 that can be read to disk 1.
 *
 * <p>Figure 3 returns {@code v2}, a typo: the value read, {@code v}, is what is returned here.
 * The class is open for the broken variants, which each override one method.
 */
public class ReplicatedDisk {

    protected final Disk d0;
    protected final Disk d1;
    protected final Lock[] locks;

    protected ReplicatedDisk(World world) {
        this.d0 = world.disk(0);
        this.d1 = world.disk(1);
        this.locks = new Lock[d0.size()];
        for (int a = 0; a < locks.length; a++) {
            locks[a] = world.newLock();
        }
    }

    /** A replicated disk on a fresh World. */
    public static ReplicatedDisk boot(World world) {
        return new ReplicatedDisk(world);
    }

    /** {@code rd_recover} followed by fresh in-memory locks. */
    public static ReplicatedDisk recover(World world) {
        ReplicatedDisk rd = new ReplicatedDisk(world);
        rd.recoverBlocks();
        return rd;
    }

    /** Figure 4: copy disk 0 to disk 1, block by block. */
    protected void recoverBlocks() {
        for (int a = 0; a < d0.size(); a++) {
            Optional<Block> v = d0.read(a);
            if (v.isPresent()) {
                d1.write(a, v.get());
            }
        }
    }

    public Block read(int a) {
        locks[a].lock();
        Block v = readBoth(a);
        locks[a].unlock();
        return v;
    }

    protected final Block readBoth(int a) {
        Optional<Block> v = d0.read(a);
        if (v.isEmpty()) {
            v = d1.read(a);
        }
        return v.orElse(Block.ZERO);
    }

    public void write(int a, Block v) {
        locks[a].lock();
        d0.write(a, v);
        d1.write(a, v);
        locks[a].unlock();
    }

    /** Runs one spec operation on this disk. */
    public final Object apply(Op<?> op) {
        return switch ((DiskOp<?>) op) {
            case DiskOp.Read(int a) -> read(a);
            case DiskOp.Write(int a, Block v) -> {
                write(a, v);
                yield Unit.UNIT;
            }
        };
    }
}
