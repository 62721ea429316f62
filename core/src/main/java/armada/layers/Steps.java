package armada.layers;

import armada.spec.Outcomes;
import armada.spec.Spec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A layer's steps as the pattern checks see them: the spec's, except that a call a
 * {@link Protocol} does not allow is disabled (no outcome).
 */
final class Steps<S> {

    private final Spec<S> spec;
    private final @Nullable Protocol<S> protocol;

    Steps(Spec<S> spec) {
        this.spec = spec;
        this.protocol = spec instanceof Protocol<S> p ? p : null;
    }

    Spec<S> spec() {
        return spec;
    }

    boolean allowed(S s, PidOp c) {
        return protocol == null || protocol.allows(s, c.pid(), c.op());
    }

    Outcomes<?, S> step(S s, PidOp c) {
        return allowed(s, c) ? spec.step(s, c.op()) : Outcomes.of(List.of());
    }
}
