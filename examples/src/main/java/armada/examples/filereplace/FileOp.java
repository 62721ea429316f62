package armada.examples.filereplace;

import armada.spec.Op;
import armada.spec.Unit;

/** The operations on one replaceable file: replace its whole contents, or read them. */
public sealed interface FileOp<R> extends Op<R> {

    /** Replaces the file's contents with {@code content}. */
    record Replace(String content) implements FileOp<Unit> {
    }

    /** Returns the file's contents. */
    record Read() implements FileOp<String> {
    }
}
