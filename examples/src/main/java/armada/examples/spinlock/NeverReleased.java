package armada.examples.spinlock;

import armada.world.World;

/**
 * Broken: an increment forgets to release the lock. The next thread to acquire spins on a flag
 * no one will ever clear: a livelock, reported with the spinning thread and the flag.
 */
public final class NeverReleased extends SpinLockCounter {

    private NeverReleased(World world) {
        super(world);
    }

    public static SpinLockCounter boot(World world) {
        return new NeverReleased(world);
    }

    @Override
    public void increment() {
        acquire();
        count.set(count.get() + 1);
    }
}
