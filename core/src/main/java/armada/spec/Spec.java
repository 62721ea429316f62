package armada.spec;

import java.util.Set;

/**
 * An atomic specification as a transition system (Armada Fig. 2, CSPEC Fig. 3): an initial
 * state, a step relation for operations, and a crash step.
 *
 * <p>States are immutable values with {@code equals} and {@code hashCode}: the checker searches
 * over sets of them.
 *
 * @param <S> the abstract state
 */
public interface Spec<S> {

    /** A short name, used in reports. */
    String name();

    S initial();

    /** The possible outcomes of {@code op} from {@code state}, or undefined behaviour. */
    <R> Outcomes<R, S> step(S state, Op<R> op);

    /**
     * The outcomes of {@code op} from {@code state} whose result is {@code result} (arrays by
     * content): exactly {@code step(state, op)} filtered by result, or undefined behaviour if
     * that is undefined. The checker asks this when it knows what an operation returned; a spec
     * whose step has many outcomes that differ in their result (ids chosen when first observed,
     * say) may override it to build only the one that matches.
     */
    default <R> Outcomes<R, S> stepReturning(S state, Op<R> op, @org.jspecify.annotations.Nullable Object result) {
        Outcomes<R, S> all = step(state, op);
        if (all.isUndefined()) {
            return all;
        }
        java.util.List<Outcome<R, S>> matching = new java.util.ArrayList<>();
        for (Outcome<R, S> o : all.list()) {
            if (java.util.Objects.deepEquals(o.result(), result)) {
                matching.add(o);
            }
        }
        return Outcomes.of(matching);
    }

    /**
     * The outcomes of {@code op} from {@code state} when its result will never be observed (the
     * operation was cut off by a crash): the checker then keeps only the states they lead to. By
     * default every outcome of {@link #step}; a spec may leave out choices that only the result
     * would show (so that a Pickup no one saw need not name its messages), provided the states it
     * gives allow the same futures.
     */
    default <R> Outcomes<R, S> stepUnobserved(S state, Op<R> op) {
        return step(state, op);
    }

    /** The states a crash (after recovery completed) may leave, from {@code state}. Nonempty. */
    Set<S> crash(S state);
}
