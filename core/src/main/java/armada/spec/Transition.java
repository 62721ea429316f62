package armada.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A spec transition: from a state, the possible (result, next state) outcomes or undefined
 * behaviour. Transitions compose with {@link #then}, so that a spec reads like the paper's
 * Figure 2; {@link TransitionSpec} provides the primitives with the state type fixed.
 */
@FunctionalInterface
public interface Transition<S, R> {

    Outcomes<R, S> run(S state);

    /** Monadic bind: run this transition, then the transition {@code next} makes of its result. */
    default <T> Transition<S, T> then(Function<? super R, Transition<S, T>> next) {
        return state -> run(state).flatMap((r, s) -> next.apply(r).run(s));
    }

    /** Reads the state without changing it. */
    static <S, R> Transition<S, R> gets(Function<? super S, ? extends R> read) {
        return state -> Outcomes.one(read.apply(state), state);
    }

    /** Replaces the state. */
    static <S> Transition<S, Unit> modify(UnaryOperator<S> change) {
        return state -> Outcomes.one(Unit.UNIT, change.apply(state));
    }

    /** Returns a value without changing the state. */
    static <S, R> Transition<S, R> ret(R value) {
        return state -> Outcomes.one(value, state);
    }

    /** Undefined behaviour: the caller broke the spec's precondition, anything may follow. */
    static <S, R> Transition<S, R> undefined() {
        return state -> Outcomes.undefined();
    }

    /** Nondeterministic choice among {@code values} (none: the step cannot happen). */
    static <S, R> Transition<S, R> choose(List<? extends R> values) {
        return state -> {
            List<Outcome<R, S>> all = new ArrayList<>(values.size());
            for (R v : values) {
                all.add(new Outcome<>(v, state));
            }
            return Outcomes.of(all);
        };
    }
}
