package armada.examples.filereplace;

import armada.spec.Op;
import armada.spec.Transition;
import armada.spec.TransitionSpec;

/**
 * One file replaced atomically: the state is its contents; a replace swaps them in one step, a
 * read returns them, and a crash loses nothing. A reader never sees a partly written file or
 * an empty one, and a replace that returned survives every crash.
 */
public final class FileSpec extends TransitionSpec<String> {

    private final String initial;

    /** A file that starts with {@code initial}, as boot writes it. */
    public FileSpec(String initial) {
        this.initial = initial;
    }

    @Override
    public String name() {
        return "file-replace";
    }

    @Override
    public String initial() {
        return initial;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <R> Transition<String, R> transition(Op<R> op) {
        return (Transition<String, R>) switch ((FileOp<?>) op) {
            case FileOp.Replace(String content) -> modify(s -> content);
            case FileOp.Read() -> this.<String>gets(s -> s);
        };
    }
}
