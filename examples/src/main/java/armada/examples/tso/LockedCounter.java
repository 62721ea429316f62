package armada.examples.tso;

import armada.examples.spinlock.CounterOp;
import armada.spec.Op;
import armada.spec.Unit;
import armada.world.LowerLayer;

/** The counter implemented on the Lock layer (CSPEC Fig. 16, LockedCounter): acquire, read, write, release. */
public final class LockedCounter {

    private final LowerLayer<LockSpec.State> lock;

    private LockedCounter(LowerLayer<LockSpec.State> lock) {
        this.lock = lock;
    }

    public static LockedCounter on(LowerLayer<LockSpec.State> lock) {
        return new LockedCounter(lock);
    }

    public static Object apply(LockedCounter c, Op<?> op) {
        return inCriticalSection(c.lock, op);
    }

    /**
     * One counter operation on any layer with the Lock layer's operations: acquire, read, write
     * (for Increment), release.
     */
    public static Object inCriticalSection(LowerLayer<?> lock, Op<?> op) {
        int me = lock.pid();
        lock.call(new LockOp.Acquire(me));
        int n = lock.call(new LockOp.Read(me));
        Object result;
        if (op instanceof CounterOp.Increment) {
            lock.call(new LockOp.Write(me, n + 1));
            result = Unit.UNIT;
        } else {
            result = n;
        }
        lock.call(new LockOp.Release(me));
        return result;
    }
}
