package armada.layers;

import armada.check.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A chain of layer checks that compose (CSPEC section 5.3): each link is a scenario checking the
 * implementation of one layer on the spec of the layer below, run as the World. Trace inclusion
 * is transitive, so when every link HOLDS the code at the bottom refines the spec at the top,
 * within each check's bounds; any other verdict of a link is the chain's.
 *
 * @param top   the spec the chain claims (its name)
 * @param links the checks, top layer first
 */
public record LayerChain(String top, List<Link> links) {

    /** One check: {@code scenario} checks the implementation of {@code upper} on {@code lower}. */
    public record Link(String scenario, String upper, String lower) {
    }

    public LayerChain {
        links = List.copyOf(links);
        if (links.isEmpty()) {
            throw new IllegalArgumentException("a layer chain needs at least one link");
        }
    }

    /** The chain's verdict label: HOLDS only if every link holds, else the first other verdict's. */
    public String label(Function<String, Verdict> verdicts) {
        for (Link l : links) {
            Verdict v = verdicts.apply(l.scenario());
            if (!(v instanceof Verdict.Holds)) {
                return v.label();
            }
        }
        return "HOLDS";
    }

    /** The report: the chain, each link's verdict and executions, and whether they compose. */
    public String report(Function<String, Verdict> verdicts) {
        List<String> names = new ArrayList<>();
        names.add(top);
        for (Link l : links) {
            names.add(l.lower());
        }
        StringBuilder b = new StringBuilder("layer chain " + String.join(" <- ", names) + ":\n");
        long executions = 0;
        for (Link l : links) {
            Verdict v = verdicts.apply(l.scenario());
            executions += v.stats().executions();
            b.append("  ").append(l.upper()).append(" on ").append(l.lower()).append(": ").append(l.scenario())
                    .append(' ').append(v.label()).append(" (").append(v.stats().executions())
                    .append(" executions)\n");
        }
        String label = label(verdicts);
        b.append("  composed: ").append(top).append(" on ").append(names.getLast()).append(' ').append(label)
                .append(label.equals("HOLDS") ? " by transitivity of trace inclusion, within each link's bounds"
                        : " (a link did not hold)")
                .append("; ").append(executions).append(" executions in all");
        return b.toString();
    }
}
