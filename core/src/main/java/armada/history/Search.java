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

/**
 * The linearizability search over one {@link Problem}, after Wing and Gong with Lowe's memo: walk
 * the time-ordered entries; at a call entry, let that operation take effect if the spec allows it
 * (with its observed result) and the resulting (set of operations handled, state) pair is new,
 * then start again from the first entry; at the deadline of an operation that has not taken
 * effect, drop it if it is optional, or else undo the last step and try its next alternative.
 * Nondeterministic steps are alternatives too, one per distinct next state. An undefined step is a
 * dead end for the search but is remembered: if nothing else explains the history, that does,
 * vacuously. An optional operation whose step cannot change the state is never placed: that
 * would only repeat the search without it.
 *
 * <p>States are numbered ({@link StateTable}), the spec's steps cached by number
 * ({@link Transitions}), the set of handled operations is a bit set with an incrementally updated
 * Zobrist hash, and the entry list is a doubly linked list from which handled operations are
 * unlinked and relinked in stack order. The search runs in slices ({@link #run(long)}), so that
 * several can share a thread. One search per problem; not thread-safe.
 */
final class Search<S> {

    /** How a search ended, or {@code RUNNING} while its iteration budget keeps it from ending. */
    enum End { RUNNING, FOUND, FAILED, TIME_LIMIT, STATE_LIMIT }

    /** Partial linearizations kept for a failure. */
    static final int MAX_PARTIALS = 3;

    /** Successor codes: a state id (from 0), no successor, undefined behaviour, or -3 - i for {@code many.get(i)}. */
    private static final int NONE = -1;
    private static final int UNDEFINED = -2;

    private final Spec<S> spec;
    private final Problem p;
    private final boolean limited;
    private final long deadline;
    private final int stateLimit;
    private final int head;
    private final int[] next;
    private final int[] prev;
    private final long[] handled;
    private final long[] zobrist;
    private long setHash;
    private final Memo memo;
    private final StateTable states = new StateTable();
    /** Misses after which the transition cache is kept only if it hit at least twice as often. */
    private static final long CACHE_TRIAL = 1 << 14;
    private Transitions transitions = new Transitions();
    private boolean caching = true;
    private long cacheHits;
    private long cacheMisses;
    private final List<int[]> many = new ArrayList<>();

    private final int[] frameOp;
    private final int[] frameState;
    private final int[] frameCode;
    private final int[] frameIdx;
    private final boolean[] frameDrop;
    private int depth;
    private int placed;

    private int state;
    private int entry;
    private int requiredLeft;
    private long iterations;

    private boolean undefinedSeen;
    private End end = End.RUNNING;
    private List<Step> found = List.of();
    private int bestPlaced = -1;
    /** The longest partial linearizations so far: the steps, and the operation and state where they got stuck. */
    private record Stuck(List<Step> steps, int op, int state) {
    }

    private final List<Stuck> best = new ArrayList<>();

    /**
     * @param deadline {@link System#nanoTime()} by which to give up, if {@code limited}
     * @param stateLimit the most memo entries before giving up
     * @param budget the memory the memo may take (shared with the check's other searches)
     */
    Search(Spec<S> spec, Problem p, boolean limited, long deadline, int stateLimit, MemoryBudget budget) {
        this.spec = spec;
        this.p = p;
        this.limited = limited;
        this.deadline = deadline;
        this.stateLimit = stateLimit;
        int entries = 2 * p.size;
        head = entries;
        int tail = entries + 1;
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
        int words = (p.size + 63) >>> 6;
        handled = new long[words];
        memo = new Memo(words, budget);
        zobrist = new long[p.size];
        SplittableRandom random = new SplittableRandom(0x5EED_0F_4A11L);
        for (int j = 0; j < p.size; j++) {
            zobrist[j] = random.nextLong();
        }
        frameOp = new int[p.size];
        frameState = new int[p.size];
        frameCode = new int[p.size];
        frameIdx = new int[p.size];
        frameDrop = new boolean[p.size];
        state = states.id(spec.initial());
        entry = next[head];
        requiredLeft = p.requiredCount;
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
        List<PartialLinearization> out = new ArrayList<>(best.size());
        for (Stuck b : best) {
            out.add(new PartialLinearization(null, b.steps(), p.sources[b.op()], p.episodes[b.op()],
                    why(b.op(), states.state(b.state()))));
        }
        return out;
    }

    /** The (handled set, state) pairs entered so far. */
    int states() {
        return memo.size();
    }

    /** Whether a {@link End#STATE_LIMIT} came from the memory budget rather than the state limit. */
    boolean outOfMemory() {
        return memo.outOfBudget();
    }

    /**
     * Runs the search for at most {@code budget} more iterations (each tries one entry or undoes
     * one step), or to its end; it can be called again to go on while it is {@link End#RUNNING}.
     */
    End run(long budget) {
        if (end != End.RUNNING) {
            return end;
        }
        long stop = budget > Long.MAX_VALUE - iterations ? Long.MAX_VALUE : iterations + budget;
        while (true) {
            if (requiredLeft == 0) {
                found = steps(depth);
                end = End.FOUND;
                return end;
            }
            if (iterations == stop) {
                return end;
            }
            iterations++;
            if (limited && (iterations & 1023) == 0 && System.nanoTime() - deadline > 0) {
                end = End.TIME_LIMIT;
                return end;
            }
            if (memo.size() > stateLimit || memo.full()) {
                end = End.STATE_LIMIT;
                return end;
            }
            int j = entry >>> 1;
            if ((entry & 1) == 0) {
                int code = successors(j, state);
                // An optional operation that cannot change the state is as good as dropped (or
                // never placed): placing it would only repeat the search without it.
                boolean useless = code == state && !p.required[j];
                int i = code == UNDEFINED || useless ? -1 : firstNew(j, code, 0);
                if (i < 0) {
                    undefinedSeen |= code == UNDEFINED;
                    entry = next[entry];
                    continue;
                }
                push(j, state, code, i, false);
                state = get(code, i);
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
            stuck(j);
            if (!backtrack()) {
                end = End.FAILED;
                return end;
            }
        }
    }

    /** Undoes steps until one has an alternative left, and takes it; false when none has. */
    private boolean backtrack() {
        while (depth > 0) {
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
            int i = firstNew(k, frameCode[f], frameIdx[f] + 1);
            if (i >= 0) {
                frameIdx[f] = i;
                state = get(frameCode[f], i);
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
            return true;
        }
        return false;
    }

    /** Operation {@code j} is handled (bit set, hash updated by {@link #firstNew}); records the frame. */
    private void push(int j, int before, int code, int i, boolean drop) {
        frameOp[depth] = j;
        frameState[depth] = before;
        frameCode[depth] = code;
        frameIdx[depth] = i;
        frameDrop[depth] = drop;
        depth++;
        if (!drop) {
            placed++;
        }
        lift(j);
    }

    /**
     * The first alternative of successor code {@code code} from index {@code from} on whose pair
     * (handled plus {@code j}, next state) is new to the memo, which then holds it; {@code j} is
     * then marked handled. -1 if none.
     */
    private int firstNew(int j, int code, int from) {
        long h = setHash ^ zobrist[j];
        handled[j >>> 6] |= 1L << j;
        for (int i = from, n = count(code); i < n; i++) {
            int s = get(code, i);
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

    /**
     * The successor code of operation {@code j} from state {@code s}, from the cache or the spec.
     * The cache is given up when it seldom helps (most steps lead to new states, as a key-value
     * store's appends do), since then it only costs.
     */
    private int successors(int j, int s) {
        if (!caching) {
            return step(j, s);
        }
        int code = transitions.get(j, s);
        if (code != Transitions.MISSING) {
            cacheHits++;
            return code;
        }
        code = step(j, s);
        transitions.put(j, s, code);
        if (++cacheMisses == CACHE_TRIAL && cacheHits < 2 * cacheMisses) {
            caching = false;
            transitions = new Transitions();
        }
        return code;
    }

    /** Asks the spec for the distinct states operation {@code j} may leave from state {@code s}. */
    @SuppressWarnings("unchecked")
    private int step(int j, int s) {
        S from = (S) states.state(s);
        Op<?> op = p.ops[j];
        if (op == null) {
            Set<S> after = spec.crash(from);
            List<Object> list = new ArrayList<>(after);
            return code(list);
        }
        Outcomes<?, S> out = p.required[j] ? spec.stepReturning(from, op, p.results[j]) : spec.stepUnobserved(from, op);
        if (out.isUndefined()) {
            return UNDEFINED;
        }
        List<? extends Outcome<?, S>> outcomes = out.list();
        if (outcomes.size() == 1) {
            return states.id(outcomes.getFirst().next());
        }
        List<Object> list = new ArrayList<>(outcomes.size());
        for (Outcome<?, S> o : outcomes) {
            list.add(o.next());
        }
        return code(list);
    }

    /** The code of these next states, without repetitions. */
    private int code(List<Object> nexts) {
        int[] ids = new int[nexts.size()];
        int n = 0;
        for (Object o : nexts) {
            int id = states.id(o);
            boolean seen = false;
            for (int i = 0; i < n && !seen; i++) {
                seen = ids[i] == id;
            }
            if (!seen) {
                ids[n++] = id;
            }
        }
        if (n == 0) {
            return NONE;
        }
        if (n == 1) {
            return ids[0];
        }
        many.add(java.util.Arrays.copyOf(ids, n));
        return -3 - (many.size() - 1);
    }

    private int count(int code) {
        return code >= 0 ? 1 : code == NONE || code == UNDEFINED ? 0 : many.get(-3 - code).length;
    }

    private int get(int code, int i) {
        return code >= 0 ? code : many.get(-3 - code)[i];
    }

    /** The placed steps of the first {@code frames} frames. */
    private List<Step> steps(int frames) {
        List<Step> steps = new ArrayList<>(placed);
        for (int f = 0; f < frames; f++) {
            if (!frameDrop[f]) {
                int j = frameOp[f];
                steps.add(new Step(p.sources[j], p.episodes[j], states.state(get(frameCode[f], frameIdx[f]))));
            }
        }
        return steps;
    }

    /** Operation {@code j} reached its deadline in the current state without taking effect. */
    private void stuck(int j) {
        if (placed < bestPlaced || (placed == bestPlaced && best.size() >= MAX_PARTIALS)) {
            return;
        }
        if (placed > bestPlaced) {
            bestPlaced = placed;
            best.clear();
        }
        best.add(new Stuck(steps(depth), j, state));
    }

    /**
     * Why operation {@code j} could not take effect from {@code state}. The results the spec
     * allows there are listed only when the spec does not override {@link Spec#stepReturning}:
     * one that does may have a step with a great many outcomes (Mailboat's Pickup names its
     * messages every possible way), which only the result it was given keeps small.
     */
    @SuppressWarnings("unchecked")
    private String why(int j, Object state) {
        String current = Step.shown(state);
        Op<?> op = p.ops[j];
        Operation o = p.sources[j];
        if (op == null || o == null) {
            return "every state the crash step of episode " + (p.episodes[j] + 1) + " allows from " + current
                    + " leads to a dead end";
        }
        String what = o.describe();
        Outcomes<?, S> matching = o.returned() ? spec.stepReturning((S) state, op, o.result()) : spec.stepUnobserved((S) state, op);
        if (matching.isUndefined()) {
            return what + ": from state " + current + " its step is undefined behaviour, and nothing else explains the history";
        }
        if (!o.returned()) {
            return what + ": must take effect before its crash episode's recovery, and no order of the steps allows it";
        }
        if (!matching.list().isEmpty()) {
            return what + ": the spec allows it from state " + current + ", but no order of the remaining steps works after it";
        }
        if (!listsResults()) {
            return what + ": from state " + current + " the spec does not allow this result";
        }
        Set<String> results = new TreeSet<>();
        for (Outcome<?, S> out : spec.step((S) state, op).list()) {
            results.add(Values.show(out.result()));
        }
        if (results.isEmpty()) {
            return what + ": from state " + current + " the spec cannot take this step";
        }
        return what + ": from state " + current + " the spec's results are only: " + String.join(", ", results);
    }

    /** Whether the spec keeps the default {@link Spec#stepReturning}, so that its steps can be listed in full. */
    private boolean listsResults() {
        try {
            return spec.getClass().getMethod("stepReturning", Object.class, Op.class, Object.class).getDeclaringClass()
                    == Spec.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
