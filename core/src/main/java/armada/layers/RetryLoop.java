package armada.layers;

import armada.check.Failure;
import armada.check.Values;
import armada.spec.Outcome;
import armada.spec.Spec;
import java.util.List;
import java.util.function.Predicate;

/**
 * The retry-loop pattern (CSPEC section 6.4): a loop that calls one operation of the layer below
 * until it succeeds is the same as its one successful call, made when it succeeds, provided a
 * failed call changes nothing. Code writes the loop as {@code layer.callUntil(op, succeeded)}
 * ({@code armada.world.LowerLayer}); under the checker that is one call taking only the
 * successful outcomes (disabled, so the thread waits, while none can), and the layer device
 * checks, in every state the call is tried in, that no failing outcome changes the state (else
 * the failure {@code retry-changes-state}).
 *
 * <p>This class is the same rule checked over the layer's reachable states rather than the
 * states a scenario reaches: from the initial state, every call of a domain with each of its
 * outcomes (breadth first, up to a state bound; on a {@link Protocol}, only the calls it allows),
 * each failing outcome of each retried call must end in the state it started from. Run it with
 * {@code Scenario.Builder.layerCheck}, or alone.
 *
 * @param <S> the layer's state
 */
public final class RetryLoop<S> implements LayerCheck {

    private final Spec<S> spec;
    private final List<PidOp> domain;
    private final String name;
    private final Predicate<PidOp> retried;
    private final Predicate<Object> succeeded;
    private int maxStates = 20_000;

    private RetryLoop(Spec<S> spec, List<PidOp> domain, String name, Predicate<PidOp> retried,
            Predicate<Object> succeeded) {
        this.spec = spec;
        this.domain = List.copyOf(domain);
        this.name = name;
        this.retried = retried;
        this.succeeded = succeeded;
    }

    /**
     * The retry of the calls {@code retried} (named {@code name} in reports, "TryAcquire until
     * true"), whose result {@code succeeded} ends the loop, checked with the calls {@code domain}.
     */
    public static <S> RetryLoop<S> of(Spec<S> spec, List<PidOp> domain, String name, Predicate<PidOp> retried,
            Predicate<Object> succeeded) {
        return new RetryLoop<>(spec, domain, name, retried, succeeded);
    }

    /** The most states explored; more are cut, and the report says so. */
    public RetryLoop<S> maxStates(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("the state bound must be positive, not " + bound);
        }
        this.maxStates = bound;
        return this;
    }

    @Override
    public LayerReport run() {
        if (domain.stream().noneMatch(retried)) {
            return new LayerReport.Invalid("retry loop '" + name + "' retries no call of the domain of layer "
                    + spec.name() + " (" + domain.size() + " calls)");
        }
        try {
            Steps<S> steps = new Steps<>(spec);
            Reachable<S> reach = Reachable.explore(steps, domain, maxStates, (s, c) -> true);
            long failures = 0;
            for (S s : reach.states()) {
                for (PidOp c : domain) {
                    if (!retried.test(c)) {
                        continue;
                    }
                    for (Outcome<?, S> o : steps.step(s, c).list()) {
                        if (succeeded.test(o.result())) {
                            continue;
                        }
                        failures++;
                        if (!o.next().equals(s)) {
                            return new LayerReport.Broken(new Failure.RetryChangesState(spec.name(), c.toString(),
                                    s + " (" + reach.path(s) + ")", "the failure "
                                            + Values.show(o.result()) + " ending in " + o.next()));
                        }
                    }
                }
            }
            return new LayerReport.Checked("retry loop '" + name + "': " + failures + " failing outcomes leave the"
                    + " state unchanged over " + reach.states().size()
                    + (reach.complete() ? " reachable states" : " states (cut by the state bound)"), reach.complete());
        } catch (RuntimeException e) {
            return new LayerReport.Invalid("retry loop '" + name + "' on layer " + spec.name() + " threw " + e
                    + " while it was checked");
        }
    }
}
