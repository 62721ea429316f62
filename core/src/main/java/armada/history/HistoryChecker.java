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

    /** Iterations each partition's search gets in the first round; the budget doubles every round. */
    private static final long FIRST_BUDGET = 1 << 12;
    private static final long MAX_BUDGET = 1L << 40;

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

    /**
     * The verdict on {@code history}. The partitions are searched side by side, each for a budget
     * of iterations that doubles every round, and the check stops at the first partition that is
     * not linearizable: one is enough for the verdict, and a failing partition can be cheap to
     * refute while another needs a long search (as Porcupine runs partitions in parallel).
     */
    public HistoryResult check(History history) {
        return check(history, MemoryBudget.ofHeap());
    }

    /** The same, with the memos of the searches limited to {@code memory}. */
    HistoryResult check(History history, MemoryBudget memory) {
        long start = System.nanoTime();
        boolean limited = options.seconds() > 0;
        long deadline = start + (long) (options.seconds() * 1e9);
        Map<@Nullable Object, List<Operation>> parts = partitions(history);
        List<@Nullable Object> keys = new ArrayList<>(parts.keySet());
        List<Search<S>> searches = new ArrayList<>(keys.size());
        for (List<Operation> ops : parts.values()) {
            searches.add(new Search<>(spec, Problem.of(ops, history), limited, deadline, options.stateLimit(), memory));
        }
        Linearization[] linearizations = new Linearization[keys.size()];
        List<PartialLinearization> failures = new ArrayList<>();
        boolean vacuous = false;
        String unfinished = "";
        List<Integer> running = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            running.add(k);
        }
        long budget = FIRST_BUDGET;
        while (!running.isEmpty() && failures.isEmpty() && unfinished.isEmpty()) {
            List<Integer> still = new ArrayList<>();
            for (int k : running) {
                Search<S> search = searches.get(k);
                Search.End end = search.run(budget);
                Object key = keys.get(k);
                if (end == Search.End.RUNNING) {
                    still.add(k);
                } else if (end == Search.End.FOUND) {
                    linearizations[k] = new Linearization(key, search.found());
                } else if (search.undefinedSeen()) {
                    vacuous = true; // the spec reached undefined behaviour: the part is explained, vacuously
                } else if (end == Search.End.FAILED) {
                    for (PartialLinearization pl : search.longest()) {
                        failures.add(pl.in(key));
                    }
                    break;
                } else if (end == Search.End.TIME_LIMIT) {
                    unfinished = timeLimit();
                    break;
                } else if (unfinished.isEmpty()) {
                    unfinished = (search.outOfMemory()
                            ? "the search's memo reached its memory budget (" + memory.total() / (1 << 20) + " MB, half the heap)"
                            : "the search entered more than " + options.stateLimit() + " states")
                            + (key == null ? "" : " in partition " + key);
                }
            }
            running = still;
            budget = Math.min(budget * 2, MAX_BUDGET);
        }
        long states = 0;
        for (Search<S> s : searches) {
            states += s.states();
        }
        HistoryResult.Stats stats = new HistoryResult.Stats(history.size(), Math.max(1, parts.size()), states,
                (System.nanoTime() - start) / 1e9);
        if (!failures.isEmpty()) {
            return new HistoryResult.NotLinearizable(failures, stats);
        }
        if (!unfinished.isEmpty()) {
            return new HistoryResult.Inconclusive(unfinished, stats);
        }
        List<Linearization> found = new ArrayList<>();
        for (Linearization l : linearizations) {
            if (l != null) {
                found.add(l);
            }
        }
        return new HistoryResult.Linearizable(vacuous, found, stats);
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
