package armada.layers;

import armada.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks mover claims about a layer's operations by the commutation diagram (CSPEC Fig. 10) over
 * the states a bounded exploration of the layer reaches: from the initial state, every call of
 * the domain (each process's operations with their argument values) with each of its outcomes,
 * breadth first, up to a number of states. The calls of the domain are the argument values the
 * claims are checked for. On a {@link Protocol} the check assumes it: only the calls it allows
 * are explored and diagrammed, and a left mover need be enabled only where its call is allowed.
 *
 * <pre>{@code
 * MoverReport r = MoverCheck.of(spec, domain).claim(MoverClaim.of(Write.class, Mover.RIGHT)).check();
 * }</pre>
 *
 * @param <S> the layer's state
 */
public final class MoverCheck<S> {

    private final Spec<S> spec;
    private final List<PidOp> domain;
    private final List<MoverClaim<S>> claims = new ArrayList<>();
    private int maxStates = 20_000;

    private MoverCheck(Spec<S> spec, List<PidOp> domain) {
        this.spec = spec;
        this.domain = List.copyOf(domain);
    }

    /** A check of {@code spec} with the calls {@code domain}. */
    public static <S> MoverCheck<S> of(Spec<S> spec, List<PidOp> domain) {
        return new MoverCheck<>(spec, domain);
    }

    public MoverCheck<S> claim(MoverClaim<S> c) {
        claims.add(c);
        return this;
    }

    public List<MoverClaim<S>> claims() {
        return List.copyOf(claims);
    }

    /** The most states explored; more are cut, and the report says so. */
    public MoverCheck<S> maxStates(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("the state bound must be positive, not " + bound);
        }
        this.maxStates = bound;
        return this;
    }

    /** Checks every claim; the first false one is the report. */
    public MoverReport check() {
        return checkForSearch().report();
    }

    /**
     * What checking the claims found, and, when every claim held over every reachable state (the
     * state bound did not cut the layer), the claims as the search's reduction uses them.
     *
     * @param report what {@link #check} reports
     * @param movers the checked claims for the reduction; null unless {@code report} is a complete
     *     {@link MoverReport.Checked}
     * @param <S> the layer's state
     */
    public record Result<S>(MoverReport report, @Nullable CheckedMovers<S> movers) {
    }

    /** Checks every claim, as {@link #check} does, and prepares them for the search's reduction. */
    public Result<S> checkForSearch() {
        if (domain.isEmpty()) {
            return new Result<>(new MoverReport.Invalid("the mover check of layer " + spec.name()
                    + " has no calls in its domain"), null);
        }
        for (MoverClaim<S> c : claims) {
            if (domain.stream().noneMatch(c.ops())) {
                return new Result<>(new MoverReport.Invalid("mover claim '" + c.name() + "' is about no call of the"
                        + " domain of layer " + spec.name() + " (" + domain.size() + " calls)"), null);
            }
        }
        try {
            Reachable<S> reach = Reachable.explore(new Steps<>(spec), domain, maxStates, (s, c) -> true);
            Diagrams<S> d = new Diagrams<>(new Steps<>(spec), domain);
            for (MoverClaim<S> c : claims) {
                MoverReport.Refuted r = d.check(c, reach.states());
                if (r != null) {
                    return new Result<>(r, null);
                }
            }
            MoverReport report = new MoverReport.Checked(reach.states().size(), claims.size(), d.count(), reach.complete());
            return new Result<>(report, reach.complete() ? new CheckedMovers<>(spec, domain, claims, reach.states()) : null);
        } catch (RuntimeException e) {
            return new Result<>(new MoverReport.Invalid("the spec of layer " + spec.name() + " threw " + e
                    + " while the mover claims were checked"), null);
        }
    }
}
