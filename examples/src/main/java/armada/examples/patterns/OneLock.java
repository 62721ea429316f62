package armada.examples.patterns;

import armada.examples.tso.LockOp;
import armada.spec.Op;
import armada.world.LowerLayer;

/** The Lock layer's calls made on lock {@code lock} of the layer {@link LocksSpec} below. */
public record OneLock(LowerLayer<LocksSpec.State> locks, int lock) implements LowerLayer<Object> {

    @Override
    public <R> R call(Op<R> op) {
        return locks.call(new LocksSpec.OnLock<>(lock, (LockOp<R>) op));
    }

    @Override
    public int pid() {
        return locks.pid();
    }
}
