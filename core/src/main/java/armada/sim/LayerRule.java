package armada.sim;

import armada.check.Failure;
import armada.spec.Op;
import org.jspecify.annotations.Nullable;

/**
 * A rule a layer's spec can carry (by implementing this interface beside {@code Spec}) that the
 * layer device checks on every call that takes a step, in the state it runs in: the protocol
 * pattern ({@code armada.layers.Protocol}). A call that is disabled is not checked until it runs.
 *
 * @param <S> the layer's state
 */
public interface LayerRule<S> {

    /**
     * Null if process {@code pid} (the thread named {@code caller}) may run {@code op} in
     * {@code state}; otherwise the failure to report.
     */
    @Nullable Failure broken(S state, int pid, String caller, Op<?> op);
}
