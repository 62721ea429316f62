package armada.examples.applog;

import armada.spec.Op;
import armada.spec.Transition;
import armada.spec.TransitionSpec;

/**
 * A durable register of strings: Put replaces it, Get reads it, and a crash keeps it (every Put
 * that returned survives; one cut off may or may not have taken effect).
 */
public final class LogSpec extends TransitionSpec<String> {

    @Override
    public String name() {
        return "durable register";
    }

    @Override
    public String initial() {
        return "";
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <R> Transition<String, R> transition(Op<R> op) {
        return (Transition<String, R>) switch ((LogOp<?>) op) {
            case LogOp.Put(String v) -> modify(s -> v);
            case LogOp.Get() -> gets(s -> s);
        };
    }
}
