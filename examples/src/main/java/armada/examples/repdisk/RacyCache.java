package armada.examples.repdisk;

import armada.world.Block;
import armada.world.Cell;
import armada.world.World;
import java.util.ArrayList;
import java.util.List;

/**
 * Broken: a read serves the last written value from an in-memory cache cell without taking the
 * lock, while writes update the cell under the lock. The unsynchronised read of a cell that
 * another thread writes is a data race (undefined behaviour in Go's and Java's memory models;
 * Goose makes it undefined too), reported as such before any wrong value needs to show.
 * Shortest execution: t0 writes under the lock and sets the cell, t1 reads the cell
 * ({@code t0.t0.t0.t0.t0.t1}).
 */
public final class RacyCache extends ReplicatedDisk {

    private final List<Cell<Block>> cache = new ArrayList<>();

    private RacyCache(World world) {
        super(world);
        for (int a = 0; a < d0.size(); a++) {
            cache.add(world.newCell(Block.ZERO));
        }
    }

    public static ReplicatedDisk boot(World world) {
        return new RacyCache(world);
    }

    public static ReplicatedDisk recover(World world) {
        RacyCache rd = new RacyCache(world);
        rd.recoverBlocks();
        for (int a = 0; a < rd.cache.size(); a++) {
            rd.cache.get(a).set(rd.readBoth(a));
        }
        return rd;
    }

    @Override
    public Block read(int a) {
        return cache.get(a).get();
    }

    @Override
    public void write(int a, Block v) {
        locks[a].lock();
        d0.write(a, v);
        d1.write(a, v);
        cache.get(a).set(v);
        locks[a].unlock();
    }
}
