package armada.examples.shadow;

import armada.world.Block;
import armada.world.World;

/**
 * Broken: the pointer is flipped before the shadow copy is written, so for a while it names a
 * copy that holds neither the old pair nor the new one. A crash in that window leaves the
 * pointer on a half-written copy, and after recovery a read returns a pair no write wrote.
 * Shortest execution ({@code t0.t0.t0.t0.t0.t0.c}): t0 writing (1, 2) points to copy B, makes
 * that durable and writes 1 to B's first block, crash, a read returns (1, 0). (A crash one step
 * earlier shows B as (0, 0), which happens to equal the old pair.)
 */
public final class FlipBeforeCopy extends ShadowCopy {

    private FlipBeforeCopy(World world) {
        super(world);
    }

    public static ShadowCopy boot(World world) {
        return new FlipBeforeCopy(world);
    }

    public static ShadowCopy recover(World world) {
        return new FlipBeforeCopy(world);
    }

    @Override
    public void write(int x, int y) {
        lock.lock();
        int copy = shadow();
        disk.write(POINTER, pointerTo(copy));
        disk.barrier();
        disk.write(copy, Block.filled(x));
        disk.write(copy + 1, Block.filled(y));
        disk.barrier();
        lock.unlock();
    }
}
