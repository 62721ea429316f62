package armada.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * What a spec step may do from one state: either a nonempty set of possible outcomes
 * (nondeterminism), or undefined behaviour, after which anything is allowed.
 */
public sealed interface Outcomes<R, S> {

    /** The step has undefined behaviour from this state: refinement is vacuous from here on. */
    record Undefined<R, S>() implements Outcomes<R, S> {
    }

    /** The step may end in any of these outcomes (possibly none: the step is blocked). */
    record Some<R, S>(List<Outcome<R, S>> outcomes) implements Outcomes<R, S> {
        public Some {
            outcomes = List.copyOf(outcomes);
        }
    }

    static <R, S> Outcomes<R, S> undefined() {
        return new Undefined<>();
    }

    static <R, S> Outcomes<R, S> one(R result, S next) {
        return new Some<>(List.of(new Outcome<>(result, next)));
    }

    static <R, S> Outcomes<R, S> of(List<Outcome<R, S>> outcomes) {
        return new Some<>(outcomes);
    }

    /** True when this step is undefined behaviour. */
    default boolean isUndefined() {
        return this instanceof Undefined;
    }

    /** The outcomes; empty for undefined behaviour. */
    default List<Outcome<R, S>> list() {
        return this instanceof Some<R, S> some ? some.outcomes() : List.of();
    }

    /** Sequential composition: run {@code next} from every outcome of this step. */
    default <T> Outcomes<T, S> flatMap(java.util.function.BiFunction<R, S, Outcomes<T, S>> next) {
        if (this instanceof Some<R, S> some) {
            List<Outcome<R, S>> first = some.outcomes();
            if (first.size() == 1) {
                Outcome<R, S> only = first.getFirst();
                return next.apply(only.result(), only.next());
            }
            List<Outcome<T, S>> all = new ArrayList<>();
            for (Outcome<R, S> o : first) {
                Outcomes<T, S> step = next.apply(o.result(), o.next());
                if (step.isUndefined()) {
                    return undefined();
                }
                all.addAll(step.list());
            }
            return of(all);
        }
        return undefined();
    }
}
