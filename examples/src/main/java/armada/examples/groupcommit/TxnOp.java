package armada.examples.groupcommit;

import armada.spec.Op;
import armada.spec.Unit;
import java.util.List;

/** The group-commit log's operations: add a transaction, commit what is buffered, read all. */
public sealed interface TxnOp<R> extends Op<R> {

    /** Buffers the transaction {@code value} (1–255). */
    record Add(int value) implements TxnOp<Unit> {
    }

    /** Makes every buffered transaction durable, all together. */
    record Commit() implements TxnOp<Unit> {
    }

    /** Every transaction, committed ones first, in the order they were added. */
    record Read() implements TxnOp<List<Integer>> {
    }
}
