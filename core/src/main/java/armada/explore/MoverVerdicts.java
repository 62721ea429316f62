package armada.explore;

import armada.check.Verdict;
import armada.layers.MoverReport;

/** A verdict stated within the bound its mover claims were checked in as well. */
final class MoverVerdicts {

    private MoverVerdicts() {
    }

    /** Why a search whose mover check the state bound cut proves nothing. */
    static final String CUT = "the mover check's state bound cut the layer's states";

    /**
     * {@code v} with the mover check's bound added; a HOLDS whose mover check the state bound cut
     * is INCONCLUSIVE (the claims were not checked over every reachable state), and so is a
     * shard's part that found nothing (merged, it must not make a HOLDS either).
     */
    static Verdict within(Verdict v, MoverReport.Checked movers) {
        return within(v, movers.bounds(), movers.complete(), CUT);
    }

    /**
     * {@code v} with a layer check's {@code bounds} added; when the check was not {@code complete},
     * a HOLDS, or a shard's part that found nothing, is INCONCLUSIVE for {@code cut}.
     */
    static Verdict within(Verdict v, String checked, boolean complete, String cut) {
        String bounds = v.bounds() + ", " + checked;
        return switch (v) {
            case Verdict.Holds h -> complete ? new Verdict.Holds(h.stats(), bounds)
                    : new Verdict.Inconclusive(h.stats(), bounds, cut);
            case Verdict.Violated viol -> new Verdict.Violated(viol.stats(), bounds, viol.counterexample());
            case Verdict.Inconclusive i -> new Verdict.Inconclusive(i.stats(), bounds,
                    !complete && i.reason().startsWith(Explorer.PART_HOLDS) ? cut : i.reason());
        };
    }
}
