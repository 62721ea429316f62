package armada.history.models;

import armada.check.Values;
import armada.spec.Op;
import armada.spec.Unit;

/** The operations of the key-value store of Porcupine's tests; a missing key reads as "". */
public sealed interface KvOp<R> extends Op<R> {

    /** The key this operation reads or changes. */
    String key();

    /** Returns the value of {@code key}. */
    record Get(String key) implements KvOp<String> {
        @Override
        public String toString() {
            return "get(" + Values.show(key) + ")";
        }
    }

    /** Sets {@code key} to {@code value}. */
    record Put(String key, String value) implements KvOp<Unit> {
        @Override
        public String toString() {
            return "put(" + Values.show(key) + ", " + Values.show(value) + ")";
        }
    }

    /** Appends {@code value} to the value of {@code key}. */
    record Append(String key, String value) implements KvOp<Unit> {
        @Override
        public String toString() {
            return "append(" + Values.show(key) + ", " + Values.show(value) + ")";
        }
    }
}
