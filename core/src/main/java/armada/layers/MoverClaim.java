package armada.layers;

import armada.spec.Op;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * A developer's claim that some operations of a layer are movers of one kind: which operations
 * (by type and argument values), and in which states (a state-dependent mover, CSPEC section 6.1:
 * for a left mover, the states the procedure's prefix leaves). The checker checks it; it is a
 * claim until then.
 *
 * @param name   what the claim says, in reports ("Write is a right mover")
 * @param mover  the kind of mover claimed
 * @param ops    the operations (with their arguments) the claim is about
 * @param when   the states (and calls) where it must hold; everywhere by default
 * @param <S>    the layer's state
 */
public record MoverClaim<S>(String name, Mover mover, Predicate<PidOp> ops, BiPredicate<S, PidOp> when) {

    /** Claims every call of operation type {@code type} (any arguments, any state) is {@code mover}. */
    public static <S> MoverClaim<S> of(Class<? extends Op<?>> type, Mover mover) {
        return new MoverClaim<>(type.getSimpleName() + " is " + mover.phrase(), mover,
                c -> type.isInstance(c.op()), (s, c) -> true);
    }

    /** The same claim, restricted to the states and calls where {@code condition} holds. */
    public MoverClaim<S> when(String condition, BiPredicate<S, PidOp> condition0) {
        return new MoverClaim<>(name + " when " + condition, mover, ops, condition0);
    }

    boolean covers(S state, PidOp call) {
        return ops.test(call) && when.test(state, call);
    }
}
