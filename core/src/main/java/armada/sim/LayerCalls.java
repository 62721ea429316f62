package armada.sim;

import armada.check.Failure;
import armada.check.Values;
import armada.spec.Op;
import armada.spec.Outcome;
import armada.spec.Outcomes;
import armada.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The pattern checks a layer device runs on a call (see {@link SimLayer}): a protocol the spec
 * carries ({@link LayerRule}) on every call that takes a step, and, for a retry loop
 * ({@code LowerLayer.callUntil}), that no failing outcome changes the state, checked at every
 * attempt (whether or not a successful outcome exists yet).
 */
final class LayerCalls {

    private LayerCalls() {
    }

    /**
     * Fails the execution if the call breaks the spec's rule or is a retry whose failure could
     * change the state; {@code outs} are the outcomes the call may take now (only successful ones
     * for a retry).
     */
    static <S> void check(Machine machine, Spec<S> spec, S state, SimThread me, Op<?> op,
            @Nullable Predicate<Object> succeeded, Outcomes<?, S> outs) {
        if (spec instanceof LayerRule<?> rule && (outs.isUndefined() || !outs.list().isEmpty())) {
            @SuppressWarnings("unchecked")
            LayerRule<S> r = (LayerRule<S>) rule;
            Failure f = r.broken(state, me.slot, me.name, op);
            if (f != null) {
                throw machine.fail(f);
            }
        }
        if (succeeded != null) {
            for (Outcome<?, S> o : spec.step(state, op).list()) {
                if (!succeeded.test(o.result()) && !o.next().equals(state)) {
                    throw machine.fail(new Failure.RetryChangesState(spec.name(), me.name + " " + op,
                            String.valueOf(state), "the failure " + Values.show(o.result()) + " ending in " + o.next()));
                }
            }
        }
    }

    /** The outcomes of a call: all of them, or for a retry those that succeed (none: disabled). */
    static <R, S> Outcomes<R, S> successful(Outcomes<R, S> all, @Nullable Predicate<Object> succeeded) {
        if (succeeded == null || all.isUndefined()) {
            return all;
        }
        List<Outcome<R, S>> keep = new ArrayList<>();
        for (Outcome<R, S> o : all.list()) {
            if (succeeded.test(o.result())) {
                keep.add(o);
            }
        }
        return keep.size() == all.list().size() ? all : Outcomes.of(keep);
    }
}
