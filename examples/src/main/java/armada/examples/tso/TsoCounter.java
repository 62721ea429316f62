package armada.examples.tso;

import armada.examples.spinlock.CounterOp;
import armada.examples.tso.TsoOp.Read;
import armada.examples.tso.TsoOp.TestAndSet;
import armada.examples.tso.TsoOp.Write;
import armada.spec.Op;
import armada.spec.Unit;
import armada.world.LowerLayer;

/**
 * CSPEC's locked counter on x86-TSO (section 8.2): a spin lock that loops on a locked
 * test-and-set (which drains the core's store buffer) and is released by a plain store (which
 * does not), and a counter read and written under it. Correct, because a store buffer is FIFO:
 * the release reaches memory after the counter's store, so whoever takes the lock next reads
 * the new count.
 *
 * <p>The class is open for the broken variants, which each override the lock.
 */
public class TsoCounter {

    protected final LowerLayer<TsoState> tso;

    protected TsoCounter(LowerLayer<TsoState> tso) {
        this.tso = tso;
    }

    public static TsoCounter on(LowerLayer<TsoState> tso) {
        return new TsoCounter(tso);
    }

    protected void acquire(int me) {
        while (tso.call(new TestAndSet(me, TsoState.LOCK)) != 0) {
            // spin: the checker lets this core wait until memory changes
        }
    }

    protected void release(int me) {
        tso.call(new Write(me, TsoState.LOCK, 0));
    }

    public void increment() {
        int me = tso.pid();
        acquire(me);
        int n = tso.call(new Read(me, TsoState.COUNT));
        tso.call(new Write(me, TsoState.COUNT, n + 1));
        release(me);
    }

    public int get() {
        int me = tso.pid();
        acquire(me);
        int n = tso.call(new Read(me, TsoState.COUNT));
        release(me);
        return n;
    }

    public static Object apply(TsoCounter c, Op<?> op) {
        return switch ((CounterOp<?>) op) {
            case CounterOp.Increment() -> {
                c.increment();
                yield Unit.UNIT;
            }
            case CounterOp.Get() -> c.get();
        };
    }
}
