package armada.check;

import armada.spec.Spec;
import java.util.List;
import java.util.Objects;

/**
 * Checks that a history refines a spec (DESIGN.md section 4): each crash episode is linearizable;
 * an operation that returned took effect exactly once between its invocation and its return,
 * with the observed result; an operation cut off by a crash took effect at most once, after its
 * invocation and before the spec crash step at the end of its episode's recovery; and if a spec
 * step an operation may take is undefined, the history is accepted as vacuous from there on.
 *
 * <p>Use {@link #check} for a whole history, or {@link #start} to check one event at a time. The
 * checker itself holds no state, so threads may share it (each with its own sessions) as long as
 * the spec is immutable.
 */
public final class RefinementChecker<S> {

    private final Spec<S> spec;

    public RefinementChecker(Spec<S> spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    public Spec<S> spec() {
        return spec;
    }

    /**
     * The verdict for a whole history.
     *
     * @throws IllegalArgumentException when the history is malformed (see {@link CheckSession#accept})
     */
    public CheckResult check(List<Event> history) {
        CheckSession<S> session = start();
        for (Event e : history) {
            session.accept(e);
        }
        return session.result();
    }

    /** A session that checks a history incrementally, starting from the spec's initial state. */
    public CheckSession<S> start() {
        return new CheckSession<>(spec);
    }
}
