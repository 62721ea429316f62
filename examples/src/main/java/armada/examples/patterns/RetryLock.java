package armada.examples.patterns;

import armada.examples.tso.LockOp;
import armada.spec.Op;
import armada.world.LowerLayer;

/**
 * The Lock layer on the test-and-set layer (CSPEC's RawLock on SeqMem, the loop pattern):
 * Acquire is TryAcquire retried until it returns true, the rest map one to one. With
 * {@code plainLoop} the retry is written as a plain loop of calls, which the checker explores
 * attempt by attempt; otherwise as {@code callUntil}, one checked call.
 */
public final class RetryLock {

    private final LowerLayer<TasSpec.State> tas;
    private final boolean plainLoop;

    private RetryLock(LowerLayer<TasSpec.State> tas, boolean plainLoop) {
        this.tas = tas;
        this.plainLoop = plainLoop;
    }

    public static RetryLock on(LowerLayer<TasSpec.State> tas) {
        return new RetryLock(tas, false);
    }

    /** The same lock, its retry loop written as a plain loop. */
    public static RetryLock plainLoopOn(LowerLayer<TasSpec.State> tas) {
        return new RetryLock(tas, true);
    }

    public static Object apply(RetryLock l, Op<?> op) {
        return switch ((LockOp<?>) op) {
            case LockOp.Acquire(int p) -> l.acquire(p);
            case LockOp.Release(int p) -> l.tas.call(new TasSpec.Clear(p));
            case LockOp.Read(int p) -> l.tas.call(new TasSpec.Load(p));
            case LockOp.Write(int p, int v) -> l.tas.call(new TasSpec.Store(p, v));
        };
    }

    private Object acquire(int p) {
        if (plainLoop) {
            while (!tas.call(new TasSpec.TryAcquire(p))) {
                // the failed attempt changed nothing: try again
            }
        } else {
            tas.callUntil(new TasSpec.TryAcquire(p), ok -> ok);
        }
        return armada.spec.Unit.UNIT;
    }
}
