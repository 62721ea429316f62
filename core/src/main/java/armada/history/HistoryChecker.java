package armada.history;

import armada.spec.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Checks a recorded history against a spec (DESIGN.md section 4, applied to recorded events):
 * every operation that returned took effect exactly once between its invocation and its return,
 * with the result it returned; one that failed never did; one that never returned or was given up
 * on may or may not have, after its invocation, and if a crash stopped it, before that crash
 * episode's recovery completed, where the spec takes its crash step. Nondeterministic steps and
 * crash steps may take any of their outcomes; undefined behaviour accepts everything after it.
 *
 * <p>A spec that is {@link Partitioned} is checked one part at a time (unless the options say
 * otherwise). A check that reaches its time or state limit is INCONCLUSIVE, never a guess. The
 * checker holds no state: threads may share it.
 */
public final class HistoryChecker<S> {

    private final Spec<S> spec;
    private final HistoryOptions options;

    public HistoryChecker(Spec<S> spec) {
        this(spec, HistoryOptions.DEFAULTS);
    }

    public HistoryChecker(Spec<S> spec, HistoryOptions options) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.options = Objects.requireNonNull(options, "options");
    }

    public Spec<S> spec() {
        return spec;
    }

    /** The verdict on {@code history}. */
    public HistoryResult check(History history) {
        long start = System.nanoTime();
        boolean limited = options.seconds() > 0;
        long deadline = start + (long) (options.seconds() * 1e9);
        Map<@Nullable Object, List<Operation>> parts = partitions(history);
        List<Linearization> linearizations = new ArrayList<>();
        List<PartialLinearization> failures = new ArrayList<>();
        boolean vacuous = false;
        String unfinished = "";
        long states = 0;
        for (Map.Entry<@Nullable Object, List<Operation>> part : parts.entrySet()) {
            if (limited && System.nanoTime() - deadline > 0) {
                unfinished = timeLimit();
                break;
            }
            Search<S> search = new Search<>(spec, Problem.of(part.getValue(), history), limited, deadline,
                    options.stateLimit());
            Search.End end = search.run();
            states += search.states();
            Object key = part.getKey();
            if (end == Search.End.FOUND) {
                linearizations.add(new Linearization(key, search.found()));
            } else if (search.undefinedSeen()) {
                vacuous = true; // the spec reached undefined behaviour: the part is explained, vacuously
            } else if (end == Search.End.FAILED) {
                for (PartialLinearization pl : search.longest()) {
                    failures.add(pl.in(key));
                }
            } else if (unfinished.isEmpty()) {
                unfinished = end == Search.End.TIME_LIMIT ? timeLimit()
                        : "the search entered more than " + options.stateLimit() + " states"
                                + (key == null ? "" : " in partition " + key);
            }
        }
        HistoryResult.Stats stats = new HistoryResult.Stats(history.size(), Math.max(1, parts.size()), states,
                (System.nanoTime() - start) / 1e9);
        if (!failures.isEmpty()) {
            return new HistoryResult.NotLinearizable(failures, stats);
        }
        if (!unfinished.isEmpty()) {
            return new HistoryResult.Inconclusive(unfinished, stats);
        }
        return new HistoryResult.Linearizable(vacuous, linearizations, stats);
    }

    private String timeLimit() {
        return "time limit of " + options.seconds() + " s reached";
    }

    /** The operations by partition key, in order of first appearance; one part (key null) when not partitioned. */
    private Map<@Nullable Object, List<Operation>> partitions(History history) {
        Map<@Nullable Object, List<Operation>> parts = new LinkedHashMap<>();
        if (!(options.partition() && spec instanceof Partitioned p)) {
            parts.put(null, history.operations());
            return parts;
        }
        for (Operation o : history.operations()) {
            parts.computeIfAbsent(Objects.requireNonNull(p.partitionOf(o.op()), "partition key"), k -> new ArrayList<>()).add(o);
        }
        return parts;
    }
}
