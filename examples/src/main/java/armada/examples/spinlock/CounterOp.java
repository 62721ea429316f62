package armada.examples.spinlock;

import armada.spec.Op;
import armada.spec.Unit;

/** The counter's operations. */
public sealed interface CounterOp<R> extends Op<R> {

    /** Adds one. */
    record Increment() implements CounterOp<Unit> {
    }

    /** The count. */
    record Get() implements CounterOp<Integer> {
    }
}
