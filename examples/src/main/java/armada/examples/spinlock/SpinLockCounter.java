package armada.examples.spinlock;

import armada.spec.Op;
import armada.spec.Unit;
import armada.world.AtomicCell;
import armada.world.Cell;
import armada.world.World;

/**
 * A counter in a memory cell, guarded by a spin lock: {@link #acquire} loops on a
 * compare-and-set of an atomic flag from false to true, {@link #release} stores false. The
 * flag's accesses synchronise, so the counter's plain cell is never raced on while the lock is
 * held. Waiting threads spin; the checker lets a spinner wait until someone changes the flag,
 * so the search is finite and a lock that is never released shows as a livelock.
 *
 * <p>The class is open for the broken variants, which each override one step.
 */
public class SpinLockCounter {

    protected final AtomicCell<Boolean> held;
    protected final Cell<Integer> count;

    protected SpinLockCounter(World world) {
        this.held = world.newAtomicCell(false);
        this.count = world.newCell(0);
    }

    public static SpinLockCounter boot(World world) {
        return new SpinLockCounter(world);
    }

    protected void acquire() {
        while (!held.compareAndSet(false, true)) {
            // spin until the holder releases
        }
    }

    protected void release() {
        held.set(false);
    }

    public void increment() {
        acquire();
        count.set(count.get() + 1);
        release();
    }

    public int get() {
        acquire();
        int n = count.get();
        release();
        return n;
    }

    public static Object apply(SpinLockCounter c, Op<?> op) {
        return switch ((CounterOp<?>) op) {
            case CounterOp.Increment() -> {
                c.increment();
                yield Unit.UNIT;
            }
            case CounterOp.Get() -> c.get();
        };
    }
}
