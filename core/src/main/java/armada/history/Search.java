package armada.history;

import armada.check.Values;
import armada.spec.Op;
import armada.spec.Outcome;
import armada.spec.Outcomes;
import armada.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The linearizability search over one {@link Problem}, after Wing and Gong with Lowe's memo: walk
 * the time-ordered entries; at a call entry, let that operation take effect if the spec allows it
 * (with its observed result) and the resulting (set of operations handled, state) pair is new,
 * then start again from the first entry; at the deadline of an operation that has not taken
 * effect, drop it if it is optional, or else undo the last step and try its next alternative.
 * Nondeterministic steps are alternatives too, one per distinct next state. An undefined step is a
 * dead end for the search but is remembered: if nothing else explains the history, that does,
 * vacuously.
 *
 * <p>The set of handled operations is a bit set with an incrementally updated Zobrist hash, and the
 * entry list is a doubly linked list from which handled operations are unlinked and relinked in
 * stack order. One search per problem; not thread-safe.
 */
final class Search<S> {

    /** How a search ended. */
    enum End { FOUND, FAILED, TIME_LIMIT, STATE_LIMIT }

    /** Partial linearizations kept for a failure. */
    static final int MAX_PARTIALS = 3;

    private static final Object UNDEFINED = new Object();
    private static final Object NONE = new Object();

    /** Several distinct next states. */
    private record Many(Object[] states) {
    }

    private final Spec<S> spec;
    private final Problem p;
    private final boolean limited;
    private final long deadline;
    private final int stateLimit;
    private final int head;
    private final int tail;
    private final int[] next;
    private final int[] prev;
    private final long[] handled;
    private final long[] zobrist;
    private long setHash;
    private final Memo memo = new Memo();

    private final int[] frameOp;
    private final Object[] frameState;
    private final Object[] frameNexts;
    private final int[] frameIdx;
    private final boolean[] frameDrop;
    private int depth;
    private int placed;

    private boolean undefinedSeen;
    private End end = End.FAILED;
    private List<Step> found = List.of();
    private int bestPlaced = -1;
    private final List<PartialLinearization> best = new ArrayList<>();

    /**
     * @param deadline {@link System#nanoTime()} by which to give up, if {@code limited}
     * @param stateLimit the most memo entries before giving up
     */
    Search(Spec<S> spec, Problem p, boolean limited, long deadline, int stateLimit) {
        this.spec = spec;
        this.p = p;
        this.limited = limited;
        this.deadline = deadline;
        this.stateLimit = stateLimit;
        int entries = 2 * p.size;
        head = entries;
        tail = entries + 1;
        next = new int[entries + 2];
        prev = new int[entries + 2];
        int last = head;
        for (int e : p.order) {
            next[last] = e;
            prev[e] = last;
            last = e;
        }
        next[last] = tail;
        prev[tail] = last;
        handled = new long[(p.size + 63) >>> 6];
        zobrist = new long[p.size];
        SplittableRandom random = new SplittableRandom(0x5EED_0F_4A11L);
        for (int j = 0; j < p.size; j++) {
            zobrist[j] = random.nextLong();
        }
        frameOp = new int[p.size];
        frameState = new Object[p.size];
        frameNexts = new Object[p.size];
        frameIdx = new int[p.size];
        frameDrop = new boolean[p.size];
    }

    End end() {
        return end;
    }

    /** Whether some step the search tried was undefined behaviour. */
    boolean undefinedSeen() {
        return undefinedSeen;
    }

    /** The linearization, when {@link End#FOUND}. */
    List<Step> found() {
        return found;
    }

    /** The longest partial linearizations, when {@link End#FAILED}. */
    List<PartialLinearization> longest() {
        return best;
    }

    int states() {
        return memo.size();
    }

    /** Runs the search to its end. */
    End run() {
        Object state = spec.initial();
        int entry = next[head];
        int requiredLeft = p.requiredCount;
        long iterations = 0;
        while (true) {
            if (requiredLeft == 0) {
                found = steps(depth);
                end = End.FOUND;
                return end;
            }
            if (limited && (++iterations & 1023) == 0 && System.nanoTime() - deadline > 0) {
                end = End.TIME_LIMIT;
                return end;
            }
            if (memo.size() > stateLimit) {
                end = End.STATE_LIMIT;
                return end;
            }
            int j = entry >>> 1;
            if ((entry & 1) == 0) {
                Object nexts = successors(j, state);
                int i = nexts == UNDEFINED ? -1 : firstNew(j, nexts, 0);
                if (i < 0) {
                    undefinedSeen |= nexts == UNDEFINED;
                    entry = next[entry];
                    continue;
                }
                push(j, state, nexts, i, false);
                state = get(nexts, i);
                if (p.required[j]) {
                    requiredLeft--;
                }
                entry = next[head];
                continue;
            }
            if (p.droppable[j] && firstNew(j, state, 0) == 0) {
                int resume = next[entry];
                push(j, state, state, 0, true);
                entry = resume;
                continue;
            }
            stuck(j, state);
            // Backtrack: undo steps until one has an alternative left.
            while (true) {
                if (depth == 0) {
                    end = End.FAILED;
                    return end;
                }
                int f = depth - 1;
                int k = frameOp[f];
                state = frameState[f];
                unlift(k);
                if (p.required[k]) {
                    requiredLeft++;
                }
                if (frameDrop[f]) {
                    depth--;
                    continue;
                }
                placed--;
                int i = firstNew(k, frameNexts[f], frameIdx[f] + 1);
                if (i >= 0) {
                    frameIdx[f] = i;
                    state = get(frameNexts[f], i);
                    lift(k);
                    placed++;
                    if (p.required[k]) {
                        requiredLeft--;
                    }
                    entry = next[head];
                } else {
                    depth--;
                    entry = next[2 * k];
                }
                break;
            }
        }
    }

    /** Operation {@code j} is handled (bit set, hash updated by {@link #firstNew}); records the frame. */
    private void push(int j, Object before, Object nexts, int i, boolean drop) {
        frameOp[depth] = j;
        frameState[depth] = before;
        frameNexts[depth] = nexts;
        frameIdx[depth] = i;
        frameDrop[depth] = drop;
        depth++;
        if (!drop) {
            placed++;
        }
        lift(j);
    }

    /**
     * The first alternative from index {@code from} on whose pair (handled plus {@code j}, next
     * state) is new to the memo, which then holds it; {@code j} is then marked handled. -1 if none.
     */
    private int firstNew(int j, Object nexts, int from) {
        long h = setHash ^ zobrist[j];
        handled[j >>> 6] |= 1L << j;
        for (int i = from, n = count(nexts); i < n; i++) {
            Object s = get(nexts, i);
            if (memo.add(Memo.hash(h, s), handled, s)) {
                setHash = h;
                return i;
            }
        }
        handled[j >>> 6] &= ~(1L << j);
        return -1;
    }

    private void lift(int j) {
        int c = 2 * j;
        int r = c + 1;
        next[prev[c]] = next[c];
        prev[next[c]] = prev[c];
        next[prev[r]] = next[r];
        prev[next[r]] = prev[r];
    }

    /** Undoes {@link #lift} and the handled mark of {@code j}; must come in reverse order of lifting. */
    private void unlift(int j) {
        int c = 2 * j;
        int r = c + 1;
        next[prev[r]] = r;
        prev[next[r]] = r;
        next[prev[c]] = c;
        prev[next[c]] = c;
        handled[j >>> 6] &= ~(1L << j);
        setHash ^= zobrist[j];
    }

    /** The distinct states operation {@code j} may leave from {@code state}: UNDEFINED, NONE, one state, or {@link Many}. */
    @SuppressWarnings("unchecked")
    private Object successors(int j, Object state) {
        S s = (S) state;
        Op<?> op = p.ops[j];
        if (op == null) {
            Set<S> after = spec.crash(s);
            return after.size() == 1 ? after.iterator().next() : after.isEmpty() ? NONE : new Many(after.toArray());
        }
        Outcomes<?, S> out = p.required[j] ? spec.stepReturning(s, op, p.results[j]) : spec.stepUnobserved(s, op);
        if (out.isUndefined()) {
            return UNDEFINED;
        }
        List<? extends Outcome<?, S>> list = out.list();
        if (list.size() == 1) {
            return list.getFirst().next();
        }
        if (list.isEmpty()) {
            return NONE;
        }
        List<Object> distinct = new ArrayList<>(list.size());
        for (Outcome<?, S> o : list) {
            if (!distinct.contains(o.next())) {
                distinct.add(o.next());
            }
        }
        return distinct.size() == 1 ? distinct.getFirst() : new Many(distinct.toArray());
    }

    private static int count(Object nexts) {
        return nexts == NONE ? 0 : nexts instanceof Many m ? m.states().length : 1;
    }

    private static Object get(Object nexts, int i) {
        return nexts instanceof Many m ? m.states()[i] : nexts;
    }

    /** The placed steps of the first {@code frames} frames. */
    private List<Step> steps(int frames) {
        List<Step> steps = new ArrayList<>(placed);
        for (int f = 0; f < frames; f++) {
            if (!frameDrop[f]) {
                int j = frameOp[f];
                steps.add(new Step(p.sources[j], p.episodes[j], get(frameNexts[f], frameIdx[f])));
            }
        }
        return steps;
    }

    /** Operation {@code j} reached its deadline in {@code state} without taking effect. */
    private void stuck(int j, Object state) {
        if (placed < bestPlaced || (placed == bestPlaced && best.size() >= MAX_PARTIALS)) {
            return;
        }
        if (placed > bestPlaced) {
            bestPlaced = placed;
            best.clear();
        }
        best.add(new PartialLinearization(null, steps(depth), p.sources[j], p.episodes[j], why(j, state)));
    }

    @SuppressWarnings("unchecked")
    private String why(int j, Object state) {
        Op<?> op = p.ops[j];
        Operation o = p.sources[j];
        if (op == null || o == null) {
            return "every state the crash step of episode " + (p.episodes[j] + 1) + " allows from " + state
                    + " leads to a dead end";
        }
        Outcomes<?, S> all = spec.step((S) state, op);
        String what = o.describe();
        if (all.isUndefined()) {
            return what + ": from state " + state + " its step is undefined behaviour, and nothing else explains the history";
        }
        Set<String> results = new TreeSet<>();
        for (Outcome<?, S> out : all.list()) {
            results.add(Values.show(out.result()));
        }
        if (!o.returned()) {
            return what + ": must take effect before its crash episode's recovery, and no order of the steps allows it";
        }
        if (results.isEmpty()) {
            return what + ": from state " + state + " the spec cannot take this step";
        }
        if (!results.contains(Values.show(o.result()))) {
            return what + ": from state " + state + " the spec's results are only: " + String.join(", ", results);
        }
        return what + ": the spec allows it from state " + state + ", but no order of the remaining steps works after it";
    }
}
