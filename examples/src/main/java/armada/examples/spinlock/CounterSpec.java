package armada.examples.spinlock;

import armada.spec.Op;
import armada.spec.Transition;
import armada.spec.TransitionSpec;

/** An atomic counter from 0; volatile, so a crash (none is explored here) would reset it. */
public final class CounterSpec extends TransitionSpec<Integer> {

    @Override
    public String name() {
        return "counter";
    }

    @Override
    public Integer initial() {
        return 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <R> Transition<Integer, R> transition(Op<R> op) {
        return (Transition<Integer, R>) switch ((CounterOp<?>) op) {
            case CounterOp.Increment() -> modify(n -> n + 1);
            case CounterOp.Get() -> gets(n -> n);
        };
    }
}
