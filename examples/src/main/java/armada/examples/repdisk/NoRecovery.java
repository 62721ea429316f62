package armada.examples.repdisk;

import armada.world.World;

/**
 * Broken: recovery does nothing but make fresh locks. A crash between the two disk writes
 * leaves disk 0 new and disk 1 old; after reboot a read returns the new value from disk 0, and
 * once disk 0 fails the next read falls back to disk 1 and returns the old value — a completed
 * read of the new value followed by a read of the old one, which no order of atomic writes
 * allows. Shortest execution ({@code t0.t0.t0.c.m.m.m.f0}): t0 writes disk 0, crash, recovery,
 * a read returns the new value, disk 0 fails, the next read returns the old value.
 */
public final class NoRecovery extends ReplicatedDisk {

    private NoRecovery(World world) {
        super(world);
    }

    public static ReplicatedDisk boot(World world) {
        return new NoRecovery(world);
    }

    public static ReplicatedDisk recover(World world) {
        return new NoRecovery(world);
    }
}
