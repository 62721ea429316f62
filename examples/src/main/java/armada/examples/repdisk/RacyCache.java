package armada.examples.repdisk;

import armada.world.Block;
import armada.world.Cell;
import armada.world.World;

/**
 * Broken: a read serves the last written value from an in-memory cache cell without taking the
 * lock, while writes update the cell under the lock. The unsynchronised read of a cell that
 * another thread writes is a data race (undefined behaviour in Go's and Java's memory models;
 * Goose makes it undefined too), reported as such before any wrong value needs to show.
 */
public final class RacyCache extends ReplicatedDisk {

    private final Cell<Block>[] cache;

    @SuppressWarnings("unchecked")
    private RacyCache(World world) {
        super(world);
        cache = new Cell[d0.size()];
        for (int a = 0; a < cache.length; a++) {
            cache[a] = world.newCell(Block.ZERO);
        }
    }

    public static ReplicatedDisk boot(World world) {
        return new RacyCache(world);
    }

    public static ReplicatedDisk recover(World world) {
        RacyCache rd = new RacyCache(world);
        rd.recoverBlocks();
        for (int a = 0; a < rd.cache.length; a++) {
            rd.cache[a].set(rd.readBoth(a));
        }
        return rd;
    }

    @Override
    public Block read(int a) {
        return cache[a].get();
    }

    @Override
    public void write(int a, Block v) {
        locks[a].lock();
        d0.write(a, v);
        d1.write(a, v);
        cache[a].set(v);
        locks[a].unlock();
    }
}
