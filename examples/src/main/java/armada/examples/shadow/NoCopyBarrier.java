package armada.examples.shadow;

import armada.world.World;

/**
 * Broken when the disk may reorder writes: there is no barrier between filling the shadow
 * copy and flipping the pointer. Issued in this order the writes are fine under IMMEDIATE or
 * ORDERED durability, but a disk that persists each block independently may keep the flipped
 * pointer and only part of the copy it names. Shortest execution
 * ({@code t0.t0.t0.t0.t0.t0.c.s1}): t0 writing (1, 2) writes copy B and the pointer to it,
 * crash, the disk keeps the pointer and B's second block but not its first (durable state 1),
 * a read returns (0, 2).
 */
public final class NoCopyBarrier extends ShadowCopy {

    private NoCopyBarrier(World world) {
        super(world);
    }

    public static ShadowCopy boot(World world) {
        return new NoCopyBarrier(world);
    }

    public static ShadowCopy recover(World world) {
        return new NoCopyBarrier(world);
    }

    @Override
    protected void copyDurable() {
        // Missing: the pointer may reach the disk before the copy it points to.
    }
}
