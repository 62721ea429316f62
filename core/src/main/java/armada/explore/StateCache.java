package armada.explore;

import armada.check.Event;
import armada.sim.CrashCache;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The points after a crash that the depth-first search has searched already, for one worker.
 * Sound with DPOR as the explorer runs it: after a crash nothing volatile survives and the
 * search's sleep set is empty, a crash happens after everything before it (so no race reaches
 * back across it, and the points before it get the same backtracking whether or not what comes
 * after is searched), and the first visit of a point searched every continuation unless it
 * found a failure, which ends the search. The step bound is the one thing the continuation
 * depends on besides the point itself: a point is skipped only if it was searched with at least
 * as many steps left. The search replays the path to a point once per execution below it; a
 * point reached by the very path of its first visit is that visit, still going on. At most
 * {@link #MAX_POINTS} points are kept; past that, new points are searched without being
 * remembered.
 */
final class StateCache implements CrashCache {

    static final int MAX_POINTS = 200_000;

    private final Judge judge;
    private final AtomicLong pruned;
    /** Per point, the path of its first search and the fewest steps taken before it among its searches. */
    private final Map<Object, Visit> searched = new HashMap<>();

    private record Visit(long[] path, int steps) {
    }

    StateCache(Judge judge, AtomicLong pruned) {
        this.judge = judge;
        this.pruned = pruned;
    }

    /** The history the checker's key was last computed for: the list, its length and its last event. */
    private @Nullable List<Event> keyedHistory;
    private int keyedSize = -1;
    private @Nullable Event keyedLast;
    private @Nullable Object historyKey;

    /**
     * The point: the machine's state and the checker's. A crash asks about each of its states
     * with the same history; the checker's part is computed once for it (the same list, as long,
     * ending in the very same event: events are made afresh in every execution).
     */
    @SuppressWarnings("ReferenceEquality") // the very same list and event, not equal ones
    Object key(Object state, List<Event> history) {
        Event last = history.isEmpty() ? null : history.getLast();
        if (historyKey == null || history != keyedHistory || history.size() != keyedSize || last != keyedLast) {
            historyKey = judge.stateKey(history);
            keyedHistory = history;
            keyedSize = history.size();
            keyedLast = last;
        }
        return List.of(state, historyKey);
    }

    @Override
    public boolean fresh(Object state, List<Event> history, int steps, long[] path) {
        return fresh(key(state, history), steps, path);
    }

    boolean fresh(Object key, int steps, long[] path) {
        Visit before = searched.get(key);
        if (before != null && java.util.Arrays.equals(before.path(), path)) {
            return true; // the same point, replayed on the way to another execution below it
        }
        if (before != null && before.steps() <= steps) {
            pruned.incrementAndGet();
            return false;
        }
        if (before != null || searched.size() < MAX_POINTS) {
            searched.put(key, new Visit(path, steps));
        }
        return true;
    }
}
