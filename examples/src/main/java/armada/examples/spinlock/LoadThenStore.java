package armada.examples.spinlock;

import armada.world.World;

/**
 * Broken: the lock is taken by a plain load of the flag, then a store, instead of one atomic
 * compare-and-set. Two threads can both load false before either stores true and both enter;
 * their accesses to the counter are then ordered by nothing, a data race (which is how one
 * increment would overwrite the other), reported at the second thread's access.
 */
public final class LoadThenStore extends SpinLockCounter {

    private LoadThenStore(World world) {
        super(world);
    }

    public static SpinLockCounter boot(World world) {
        return new LoadThenStore(world);
    }

    @Override
    protected void acquire() {
        while (held.get()) {
            // spin while held
        }
        held.set(true);
    }
}
