package armada.spec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Base class for specs written in the transition DSL. Subclasses implement {@link #transition}
 * with a {@code switch} over their operation records and may override {@link #crashTransition}
 * (the default keeps the state, as in the replicated disk's {@code crash := return tt}).
 */
public abstract class TransitionSpec<S> implements Spec<S> {

    /** The transition an operation makes. */
    protected abstract <R> Transition<S, R> transition(Op<R> op);

    /** The crash transition; by default the state survives unchanged. */
    protected Transition<S, Unit> crashTransition() {
        return ret(Unit.UNIT);
    }

    @Override
    public final <R> Outcomes<R, S> step(S state, Op<R> op) {
        return transition(op).run(state);
    }

    @Override
    public final Set<S> crash(S state) {
        Outcomes<Unit, S> after = crashTransition().run(state);
        if (after.isUndefined()) {
            throw new IllegalStateException(name() + ": the crash transition must not be undefined");
        }
        Set<S> states = new LinkedHashSet<>();
        for (Outcome<Unit, S> o : after.list()) {
            states.add(o.next());
        }
        if (states.isEmpty()) {
            throw new IllegalStateException(name() + ": the crash transition must allow some state");
        }
        return states;
    }

    protected final <R> Transition<S, R> gets(Function<? super S, ? extends R> read) {
        return Transition.gets(read);
    }

    protected final Transition<S, Unit> modify(UnaryOperator<S> change) {
        return Transition.modify(change);
    }

    protected final <R> Transition<S, R> ret(R value) {
        return Transition.ret(value);
    }

    protected final <R> Transition<S, R> undefined() {
        return Transition.undefined();
    }

    protected final <R> Transition<S, R> choose(List<? extends R> values) {
        return Transition.choose(values);
    }
}
