package armada.examples.wal;

import armada.world.Block;
import armada.world.World;

/**
 * Broken: the commit flag is set before the new pair is in the log. A crash after the flag and
 * the first log block reached the disk leaves a committed log holding the new x and the old
 * y, and recovery dutifully installs that torn pair, which no write ever wrote. Shortest
 * execution ({@code t0.t0.t0.t0.t0.c}): t0 writing (1, 2) sets the flag, makes it durable and
 * writes 1 to the log's x block, crash, recovery installs the log, a read returns (1, 0).
 */
public final class CommitBeforeLog extends WriteAheadLog {

    private CommitBeforeLog(World world) {
        super(world);
    }

    public static WriteAheadLog boot(World world) {
        return new CommitBeforeLog(world);
    }

    public static WriteAheadLog recover(World world) {
        CommitBeforeLog wal = new CommitBeforeLog(world);
        wal.recoverLog();
        return wal;
    }

    @Override
    public void write(int x, int y) {
        lock.lock();
        disk.write(COMMIT, Block.filled(1));
        disk.barrier();
        disk.write(LOG_X, Block.filled(x));
        disk.write(LOG_Y, Block.filled(y));
        disk.barrier();
        disk.write(MAIN_X, Block.filled(x));
        disk.write(MAIN_Y, Block.filled(y));
        disk.barrier();
        disk.write(COMMIT, Block.filled(0));
        disk.barrier();
        lock.unlock();
    }
}
