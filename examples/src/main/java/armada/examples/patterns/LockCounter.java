package armada.examples.patterns;

import armada.examples.spinlock.CounterOp;
import armada.examples.tso.LockOp;
import armada.examples.tso.LockedCounter;
import armada.spec.Op;
import armada.spec.Unit;
import armada.world.LowerLayer;

/**
 * The counter on a lock layer (any layer with the Lock layer's operations): acquire, read, write,
 * release. With {@code peek}, Get reads the count without taking the lock (the protocol misuse).
 */
public final class LockCounter {

    private final LowerLayer<?> lock;
    private final boolean peek;

    private LockCounter(LowerLayer<?> lock, boolean peek) {
        this.lock = lock;
        this.peek = peek;
    }

    public static LockCounter on(LowerLayer<?> lock) {
        return new LockCounter(lock, false);
    }

    /** Broken: Get reads the count without the lock. */
    public static LockCounter peeking(LowerLayer<?> lock) {
        return new LockCounter(lock, true);
    }

    public static Object apply(LockCounter c, Op<?> op) {
        int me = c.lock.pid();
        if (c.peek && op instanceof CounterOp.Get) {
            return c.lock.call(new LockOp.Read(me));
        }
        return LockedCounter.inCriticalSection(c.lock, op);
    }
}
