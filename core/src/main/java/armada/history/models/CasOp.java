package armada.history.models;

import armada.spec.Op;
import armada.spec.Unit;

/** The operations of the compare-and-set register of Jepsen's etcd tests. */
public sealed interface CasOp<R> extends Op<R> {

    /** Returns the value. */
    record Read() implements CasOp<CasValue> {
        @Override
        public String toString() {
            return "read()";
        }
    }

    /** Sets the value. */
    record Write(int value) implements CasOp<Unit> {
        @Override
        public String toString() {
            return "write(" + value + ")";
        }
    }

    /** Sets the value to {@code replacement} if it is {@code expected}; returns whether it did. */
    record Cas(int expected, int replacement) implements CasOp<Boolean> {
        @Override
        public String toString() {
            return "cas(" + expected + ", " + replacement + ")";
        }
    }
}
