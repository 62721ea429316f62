package armada.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Readable reasons why no linearization explains a history. Deterministic: whatever is listed is
 * sorted by its text, never in hash order, because these lines appear in golden files.
 */
final class Explanation {

    private Explanation() {
    }

    /**
     * The operation {@code invoke}, in {@code slot}, returned {@code observed}, and no configuration
     * of {@code closed} (closed under pending operations taking effect) agrees.
     */
    static <S> String returned(Event.Invoke invoke, @Nullable Object observed, int slot,
                               Iterable<Config<S>> closed, String context) {
        Set<S> states = new HashSet<>();
        Set<@Nullable Object> results = new HashSet<>();
        for (Config<S> c : closed) {
            if (c.isLinearized(slot)) {
                results.add(c.result(slot));
            } else {
                states.add(c.state);
            }
        }
        StringBuilder b = new StringBuilder()
                .append('t').append(invoke.thread()).append("'s ").append(invoke.op())
                .append(" returned ").append(Values.show(observed)).append(", but ");
        String where = "spec state reachable here (" + plural(states.size()) + ")";
        if (results.isEmpty()) {
            b.append("the spec cannot take that step in any ").append(where);
        } else {
            b.append("in every ").append(where).append(" the spec's outcomes are only: ").append(sorted(results));
        }
        if (!context.isEmpty()) {
            b.append('\n').append(context);
        }
        return b.toString();
    }

    /** Outcomes listed in an explanation before the rest are only counted. */
    private static final int MAX_LISTED = 6;

    private static String plural(int states) {
        return states + (states == 1 ? " state" : " states");
    }

    private static String sorted(Set<@Nullable Object> values) {
        List<String> texts = new ArrayList<>(values.size());
        for (Object v : values) {
            texts.add(Values.show(v));
        }
        texts.sort(null);
        if (texts.size() > MAX_LISTED) {
            int more = texts.size() - MAX_LISTED;
            texts = new ArrayList<>(texts.subList(0, MAX_LISTED));
            texts.add("... and " + more + " more");
        }
        return String.join(", ", texts);
    }
}
