package armada.explore;

import armada.spec.Op;
import armada.spec.Transition;
import armada.spec.TransitionSpec;
import armada.spec.Unit;

/** A one-value register for explorer tests: Write(v) replaces it, Read returns it; crash keeps it. */
final class RegisterSpec extends TransitionSpec<Integer> {

    sealed interface RegOp<R> extends Op<R> {
    }

    record Write(int value) implements RegOp<Unit> {
    }

    record Read() implements RegOp<Integer> {
    }

    @Override
    public String name() {
        return "register";
    }

    @Override
    public Integer initial() {
        return 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <R> Transition<Integer, R> transition(Op<R> op) {
        return (Transition<Integer, R>) switch ((RegOp<?>) op) {
            case Write(int v) -> modify(s -> v);
            case Read() -> gets(s -> s);
        };
    }
}
