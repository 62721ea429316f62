package armada.examples.wal;

import armada.spec.Op;
import armada.spec.Unit;

/** The operations of an atomic pair: replace both values at once, or read both. */
public sealed interface PairOp<R> extends Op<R> {

    /** Sets the pair to {@code (x, y)}. */
    record Write(int x, int y) implements PairOp<Unit> {
    }

    /** Returns the pair. */
    record Read() implements PairOp<Pair> {
    }
}
