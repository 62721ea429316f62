package armada.examples.groupcommit;

import armada.world.World;

/**
 * Broken when the disk may reorder writes: there is no barrier between the log entries and
 * the header. The header is written last, so under IMMEDIATE or ORDERED durability this is
 * correct; but a disk that persists each block independently may keep the new count and not
 * the entries it counts, and after recovery a read returns a transaction that was never
 * added. Shortest execution ({@code t0.t0.t0.t0.t0.t0.t0.t0.t0.t0.t0.t0.c.s1}): t0 adds 1,
 * its Commit writes the entry and then the count 1, crash, the disk keeps the header but not
 * the entry (durable state 1), a read returns [0].
 */
public final class HeaderBeforeLogDurable extends GroupCommit {

    private HeaderBeforeLogDurable(World world) {
        super(world);
    }

    public static GroupCommit boot(World world) {
        return new HeaderBeforeLogDurable(world);
    }

    public static GroupCommit recover(World world) {
        return new HeaderBeforeLogDurable(world);
    }

    @Override
    protected void logDurable() {
        // Missing: the header may reach the disk before the entries it counts.
    }
}
