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

    /** The states a crash (after recovery completed) may leave, from {@code state}. Nonempty. */
    Set<S> crash(S state);
}
