package armada.report;

import armada.history.HistoryResult;
import armada.history.Linearization;
import armada.history.PartialLinearization;
import armada.history.Step;
import java.util.List;
import java.util.Locale;

/**
 * Renders the history checker's verdict on one file as text: a verdict line, then for a
 * violation the end of the longest linearizable prefix and the step that could not follow it, for
 * an inconclusive check the limit it hit. Deterministic apart from the time.
 */
public final class HistoryRenderer {

    /** Steps of a prefix shown before the one that could not be placed. */
    static final int SHOWN_STEPS = 8;

    private HistoryRenderer() {
    }

    /** One line: verdict, file, operations, seconds. */
    public static String line(String file, HistoryResult r) {
        String verdict = r.label();
        if (r instanceof HistoryResult.Linearizable l && l.vacuous()) {
            verdict += " (vacuous)";
        }
        return String.format(Locale.ROOT, "%-17s %s  %d operations  %.3f s%n", verdict, file, r.stats().operations(),
                r.stats().seconds());
    }

    /** The verdict line and what explains it. */
    public static String render(String file, HistoryResult r) {
        StringBuilder b = new StringBuilder(line(file, r));
        switch (r) {
            case HistoryResult.NotLinearizable n -> {
                PartialLinearization p = n.longest().getFirst();
                b.append("    longest linearizable prefix").append(p.partition() == null ? "" : " of partition " + p.partition())
                        .append(": ").append(p.steps().size()).append(" steps");
                List<Step> steps = p.steps();
                int from = Math.max(0, steps.size() - SHOWN_STEPS);
                b.append(from > 0 ? ", the last " + SHOWN_STEPS + ":\n" : steps.isEmpty() ? "\n" : ":\n");
                for (Step s : steps.subList(from, steps.size())) {
                    b.append("      ").append(s.describe()).append('\n');
                }
                b.append("    cannot place next: ").append(p.why()).append('\n');
                if (n.longest().size() > 1) {
                    b.append("    (").append(n.longest().size() - 1).append(" more prefixes of that length fail the same way or similarly)\n");
                }
            }
            case HistoryResult.Inconclusive i -> b.append("    stopped: ").append(i.reason()).append('\n');
            case HistoryResult.Linearizable l -> {
                if (l.vacuous()) {
                    b.append("    the spec reached undefined behaviour, after which anything is allowed\n");
                }
            }
        }
        return b.toString();
    }

    /** A linearization, one step per line. */
    public static String steps(Linearization l) {
        StringBuilder b = new StringBuilder();
        for (Step s : l.steps()) {
            b.append("  ").append(s.describe()).append('\n');
        }
        return b.toString();
    }
}
