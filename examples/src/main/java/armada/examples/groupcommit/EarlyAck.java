package armada.examples.groupcommit;

import armada.world.World;

/**
 * Broken: Commit acknowledges before the header is durable; the final barrier is missing. The
 * header write sits in the disk's cache when Commit returns, so a crash can still drop it and
 * with it every transaction the Commit covered, though the caller was told they were durable.
 * IMMEDIATE durability hides the bug; a disk that keeps write order (ORDERED) or reorders
 * (REORDERED) shows it. Shortest execution, under ORDERED
 * ({@code t0.t0.t0.t0.t0.t0.t0.t0.t0.t0.t0.t0.t0.t0.t0.t0.c.s1}): t0 adds 1 and commits, and
 * Commit returns with the header unsynced; crash, the disk keeps the log entry but not the
 * header (durable state 1), a read returns [] although the Commit of [1] had returned.
 */
public final class EarlyAck extends GroupCommit {

    private EarlyAck(World world) {
        super(world);
    }

    public static GroupCommit boot(World world) {
        return new EarlyAck(world);
    }

    public static GroupCommit recover(World world) {
        return new EarlyAck(world);
    }

    @Override
    protected void headerDurable() {
        // Missing: Commit returns while the header may still be lost.
    }
}
