package armada.examples.tso;

import armada.examples.spinlock.CounterOp;
import armada.spec.Op;
import armada.spec.Unit;
import armada.world.LowerLayer;

/**
 * Broken: the counter on the Lock layer with the read and the write in two critical sections,
 * so two increments can both read the old count (a lost update). Each critical section is one
 * glued stretch for the mover reduction; between them another core may run, and the search
 * finds the lost update with the reduction as without it.
 */
public final class SplitLockedCounter {

    private final LowerLayer<LockSpec.State> lock;

    private SplitLockedCounter(LowerLayer<LockSpec.State> lock) {
        this.lock = lock;
    }

    public static SplitLockedCounter on(LowerLayer<LockSpec.State> lock) {
        return new SplitLockedCounter(lock);
    }

    public static Object apply(SplitLockedCounter c, Op<?> op) {
        int me = c.lock.pid();
        c.lock.call(new LockOp.Acquire(me));
        int n = c.lock.call(new LockOp.Read(me));
        c.lock.call(new LockOp.Release(me));
        if (!(op instanceof CounterOp.Increment)) {
            return n;
        }
        c.lock.call(new LockOp.Acquire(me));
        c.lock.call(new LockOp.Write(me, n + 1));
        c.lock.call(new LockOp.Release(me));
        return Unit.UNIT;
    }
}
