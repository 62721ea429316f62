package armada.examples.applog;

import armada.spec.Op;
import armada.spec.Unit;

/** The log store's operations: put a value, get the latest. */
public sealed interface LogOp<R> extends Op<R> {

    /** Stores {@code value}; durable when it returns. */
    record Put(String value) implements LogOp<Unit> {
    }

    /** The value of the latest put ({@code ""} before any). */
    record Get() implements LogOp<String> {
    }
}
