package armada.examples.tso;

import armada.spec.Op;
import armada.spec.Unit;
import armada.world.LowerLayer;

/**
 * The Lock layer implemented on TSO: Acquire spins on a locked test-and-set, Release is a plain
 * store (no barrier), Read and Write are plain loads and stores of the count.
 */
public final class TsoLock {

    private final LowerLayer<TsoState> tso;

    private TsoLock(LowerLayer<TsoState> tso) {
        this.tso = tso;
    }

    public static TsoLock on(LowerLayer<TsoState> tso) {
        return new TsoLock(tso);
    }

    public static Object apply(TsoLock l, Op<?> op) {
        int me = l.tso.pid();
        return switch ((LockOp<?>) op) {
            case LockOp.Acquire a -> {
                while (l.tso.call(new TsoOp.TestAndSet(me, TsoState.LOCK)) != 0) {
                    // spin
                }
                yield Unit.UNIT;
            }
            case LockOp.Release r -> l.tso.call(new TsoOp.Write(me, TsoState.LOCK, 0));
            case LockOp.Read r -> l.tso.call(new TsoOp.Read(me, TsoState.COUNT));
            case LockOp.Write w -> l.tso.call(new TsoOp.Write(me, TsoState.COUNT, w.value()));
        };
    }
}
