package armada.examples.wal;

import armada.world.World;

/**
 * Broken when the disk may reorder writes: there is no barrier between the log writes and the
 * commit flag. The writes are issued in the right order, so under IMMEDIATE or ORDERED
 * durability nothing goes wrong; but a disk that persists each block independently may keep
 * the flag and only one of the log blocks, and recovery installs the torn log. Shortest
 * execution ({@code t0.t0.t0.t0.t0.c.s1}): t0 writing (1, 2) writes both log blocks and the
 * flag, crash, the disk keeps the flag and the log's y block but not its x block (durable
 * state 1), recovery installs the log, a read returns (0, 2).
 */
public final class NoLogBarrier extends WriteAheadLog {

    private NoLogBarrier(World world) {
        super(world);
    }

    public static WriteAheadLog boot(World world) {
        return new NoLogBarrier(world);
    }

    public static WriteAheadLog recover(World world) {
        NoLogBarrier wal = new NoLogBarrier(world);
        wal.recoverLog();
        return wal;
    }

    @Override
    protected void logDurable() {
        // Missing: the commit flag may reach the disk before the log it commits.
    }
}
