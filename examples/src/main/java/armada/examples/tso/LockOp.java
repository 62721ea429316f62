package armada.examples.tso;

import armada.spec.Op;
import armada.spec.Unit;

/** The Lock layer's operations (CSPEC Fig. 16, layer Lock): a lock and the counter word, by core. */
public sealed interface LockOp<R> extends Op<R> {

    int pid();

    /** Waits until the lock is free, then takes it. */
    record Acquire(int pid) implements LockOp<Unit> {
    }

    /** Frees the lock its caller holds. */
    record Release(int pid) implements LockOp<Unit> {
    }

    /** The counter word, read by the lock's holder. */
    record Read(int pid) implements LockOp<Integer> {
    }

    /** The counter word, written by the lock's holder. */
    record Write(int pid, int value) implements LockOp<Unit> {
    }
}
