package armada.explore;

import armada.check.Verdict;
import armada.layers.CheckedMovers;
import armada.sim.LayerMovers;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The reduction from checked movers as one search uses it: the claims the machines glue calls
 * by, and what the verdict must say about them afterwards.
 */
final class MoverReduction {

    private MoverReduction() {
    }

    /**
     * How a verdict's bounds say the search glues calls by checked movers (whenever a claim is
     * usable, whether or not an execution glued any: the shards of one search state the same bounds).
     */
    static final String USED = "calls glued by checked movers";

    /** The claims the search's machines use: none when the reduction is off or the claims are not usable. */
    static List<LayerMovers> movers(@Nullable CheckedMovers<?> movers) {
        return movers == null ? List.of() : List.of(movers);
    }

    /**
     * {@code v} as the reduction leaves it: the bounds say whether calls are glued, and which
     * true claims the reduction could not use. A search that glued calls and also made a call
     * outside the claims' domain proves nothing (the claims were not checked against that call,
     * so gluing past it may have cut executions): HOLDS, and a shard's part that found nothing,
     * become INCONCLUSIVE. A violation stays one: every execution of the reduced search is an
     * execution of the plain one.
     */
    static Verdict within(Verdict v, @Nullable CheckedMovers<?> movers) {
        if (movers == null) {
            return v;
        }
        StringBuilder b = new StringBuilder(v.bounds());
        if (movers.anyUsable()) {
            b.append(", ").append(USED);
        }
        for (String why : movers.unused()) {
            b.append("; ").append(why);
        }
        String bounds = b.toString();
        String outside = movers.unchecked();
        String reason = outside == null || !movers.used() ? null
                : "the search glued calls by checked movers and also made the call " + outside + ", outside the mover"
                        + " check's domain: the claims were not checked against it (add it to the domain, or check"
                        + " with --no-mover-reduction)";
        return switch (v) {
            case Verdict.Holds h -> reason == null ? new Verdict.Holds(h.stats(), bounds)
                    : new Verdict.Inconclusive(h.stats(), bounds, reason);
            case Verdict.Violated viol -> new Verdict.Violated(viol.stats(), bounds, viol.counterexample());
            case Verdict.Inconclusive i -> new Verdict.Inconclusive(i.stats(), bounds,
                    reason != null && i.reason().startsWith(Explorer.PART_HOLDS) ? reason : i.reason());
        };
    }
}
