package armada.explore;

import armada.check.Counterexample;
import armada.check.Failure;
import armada.check.TraceLine;
import armada.check.Verdict;
import armada.layers.LayerCheck;
import armada.layers.LayerReport;
import armada.layers.MoverCheck;
import armada.layers.MoverReport;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The checks a scenario makes about its layers before the search: its mover claims, then its
 * pattern checks ({@link LayerCheck}), in order; the first broken one is the verdict, an invalid
 * one a usage error ({@link ExploreException}), and the others' bounds are the verdict's too.
 */
final class Prechecks {

    /** Why a search whose layer check a state bound cut proves nothing. */
    static final String CUT = "a layer check's state bound cut the layer's states";

    private final MoverReport.@Nullable Checked movers;
    private final armada.layers.@Nullable CheckedMovers<?> reduction;
    private final List<LayerReport.Checked> checked;
    private final @Nullable Failure broken;
    private final String detail;
    private final String source;

    private Prechecks(MoverReport.@Nullable Checked movers, armada.layers.@Nullable CheckedMovers<?> reduction,
            List<LayerReport.Checked> checked, @Nullable Failure broken, String detail, String source) {
        this.movers = movers;
        this.reduction = reduction;
        this.checked = checked;
        this.broken = broken;
        this.detail = detail;
        this.source = source;
    }

    static Prechecks run(Scenario<?, ?> sc) {
        MoverCheck<?> claims = sc.moverClaims();
        MoverCheck.Result<?> result = claims == null ? null : claims.checkForSearch();
        MoverReport m = result == null ? null : result.report();
        if (m instanceof MoverReport.Invalid invalid) {
            throw new ExploreException(sc.name() + ": " + invalid.error());
        }
        if (m instanceof MoverReport.Refuted refuted) {
            return new Prechecks(null, null, List.of(), refuted.failure(), refuted.detail(), "movers");
        }
        List<LayerReport.Checked> done = new ArrayList<>();
        for (LayerCheck c : sc.layerChecks()) {
            switch (c.run()) {
                case LayerReport.Invalid invalid -> throw new ExploreException(sc.name() + ": " + invalid.error());
                case LayerReport.Broken b -> {
                    return new Prechecks(null, null, List.of(), b.failure(), b.failure().message(), "layers");
                }
                case LayerReport.Checked ok -> done.add(ok);
            }
        }
        return new Prechecks(m instanceof MoverReport.Checked ok ? ok : null, result == null ? null : result.movers(),
                done, null, "", "");
    }

    /**
     * The mover claims as the search's reduction uses them: only when every claim was checked and
     * holds over every reachable state of the layer (null otherwise, and without claims).
     */
    armada.layers.@Nullable CheckedMovers<?> reduction() {
        return reduction;
    }

    /** The failure of the first broken check, or null. */
    @Nullable Failure broken() {
        return broken;
    }

    /** The trace line that shows the broken check. */
    TraceLine line() {
        return new TraceLine(source, detail);
    }

    /** The verdict of a scenario whose layer check is broken: no execution was run. */
    Verdict violated(Scenario<?, ?> sc) {
        return new Verdict.Violated(new Verdict.Stats(0, 0, 0, 0, 0, 0, 0),
                (source.equals("movers") ? "mover claims of " : "layer checks of ") + sc.name(),
                new Counterexample(java.util.Objects.requireNonNull(broken), "-", List.of(line()), List.of(), 0));
    }

    /** {@code v} stated within every check's bounds (a cut check makes a HOLDS INCONCLUSIVE). */
    Verdict within(Verdict v) {
        Verdict out = movers == null ? v : MoverVerdicts.within(v, movers);
        for (LayerReport.Checked c : checked) {
            out = MoverVerdicts.within(out, c.bounds(), c.complete(), CUT);
        }
        return out;
    }
}
