package armada.explore;

import armada.sim.Action;
import armada.sim.Choice;
import armada.sim.ExecutionRecord;
import armada.sim.Scheduler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Depth-first search with source-DPOR and sleep sets (Abdulla, Aronis, Jonsson, Sagonas,
 * "Optimal dynamic partial order reduction", POPL 2014, Algorithm 1): each node explores first one
 * option only, and after each execution the races of its events decide which other options
 * (the <em>source set</em>) a node must also try; sleep sets keep it from redoing what an earlier
 * sibling covered. Every Mazurkiewicz trace of the scenario is explored at least once.
 *
 * <p>Faults take part as actors of their own. A crash observes durable state and the history, so
 * it conflicts with every step that changes them; a crash not yet taken counts as if it came at
 * the very end of each execution, so that its races with earlier steps bring it forward to every
 * point where what it would observe differs (this is what makes the search cover every crash
 * state, not only every complete execution). A disk failure is handled the same way. Everything
 * after a crash happens after it. Choices that are not scheduling, a random value and the durable
 * state a crash leaves, are all tried wherever they come up.
 *
 * <p>With a {@link TreeSplit}, the first branching points of every path try every option, and
 * the strategy searches below them only the subtrees its split lets it claim: it walks the rest
 * of the top (an execution abandoned where the subtree begins, not counted) and leaves them to
 * other workers or shards. The races of a claimed subtree that reach back into the top ask for
 * options the top tries anyway, so the parts together search what one search of the same tree
 * does.
 */
final class DporStrategy implements Strategy {

    /** Actor codes besides thread slots (0..): a crash, and disk failures (FAIL_BASE + disk). */
    private static final int CRASH_ACTOR = 1 << 20;
    private static final int SURVIVE_ACTOR = (1 << 20) + 1;
    private static final int FAIL_BASE = 1 << 21;

    private final List<Node> stack = new ArrayList<>();
    private final SleepSet sleeping = new SleepSet();
    private final Scheduler scheduler = new Scheduler() {
        @Override
        public int choose(Choice c) {
            return DporStrategy.this.choose(c);
        }

        @Override
        public boolean seesForcedSteps() {
            return true;
        }
    };
    private final int maxCrashes;
    private final int maxFailures;
    /** Run the last awake thread first instead of the current one: for tests of the reduction. */
    private final boolean reversed;
    private int depth;
    private final @Nullable TreeSplit split;
    /** Subtrees met so far (the next one gets this number). */
    private int subtrees;
    /** The subtree the path is in (-1: none yet, the path has not gone through the top). */
    private int current = -1;
    /** Whether this strategy searches {@link #current}. */
    private boolean currentOwned;
    /** Where on the path the current subtree begins. */
    private int arrival = -1;
    /** This execution reached the start of its subtree. */
    private boolean arrivedThisRun;
    /** The number given to an execution that ended inside the top, or -1. */
    private int endedInTop = -1;
    private @Nullable Boolean lastOwned;
    /** Nodes at the start of the path whose happens-before sets are computed and still hold. */
    private int analysed;
    private boolean started;
    private @Nullable String error;

    DporStrategy(int maxCrashes, int maxFailures) {
        this(maxCrashes, maxFailures, false);
    }

    DporStrategy(int maxCrashes, int maxFailures, boolean reversed) {
        this(maxCrashes, maxFailures, reversed, null);
    }

    DporStrategy(int maxCrashes, int maxFailures, boolean reversed, @Nullable TreeSplit split) {
        this.maxCrashes = maxCrashes;
        this.maxFailures = maxFailures;
        this.reversed = reversed;
        this.split = split;
    }

    @Override
    public @Nullable Scheduler next() {
        if (started && stack.isEmpty()) {
            if (split != null) {
                split.walked(subtrees);
            }
            return null;
        }
        started = true;
        depth = 0;
        sleeping.clear();
        arrivedThisRun = false;
        endedInTop = -1;
        lastOwned = null;
        return scheduler;
    }

    @Override
    public boolean ownsLast() {
        if (split == null) {
            return true;
        }
        if (lastOwned == null) {
            if (arrivedThisRun) {
                lastOwned = currentOwned;
            } else {
                // The execution ended inside the top: it is a subtree of its own.
                endedInTop = subtrees++;
                lastOwned = split.claim(endedInTop);
            }
        }
        return lastOwned;
    }

    @Override
    public int subtree() {
        if (endedInTop >= 0) {
            return endedInTop;
        }
        return current >= 0 ? current : subtrees;
    }

    /** Whether the path is inside a subtree this strategy searches (always, without a split). */
    boolean inClaimedSubtree() {
        return split == null || (arrivedThisRun && currentOwned);
    }

    @Override
    public boolean exhaustive() {
        return true;
    }

    @Override
    public @Nullable String error() {
        return error;
    }

    private int choose(Choice c) {
        int branching = depth == 0 ? 0 : stack.get(depth - 1).branchingBefore + (stack.get(depth - 1).size >= 2 ? 1 : 0);
        if (split != null && !arrivedThisRun && branching == split.depth()) {
            arrivedThisRun = true;
            if (current < 0) {
                current = subtrees++;
                currentOwned = split.claim(current);
                arrival = depth;
            }
            if (!currentOwned) {
                return Scheduler.ABANDON;
            }
        }
        Node n;
        if (depth < stack.size()) {
            n = stack.get(depth);
            if (!n.matches(c)) {
                error = "replaying the same choices gave different options at choice " + (depth + 1)
                        + ": the code under check depends on something outside the World";
                stack.clear();
                return Scheduler.ABANDON;
            }
        } else {
            n = new Node(c);
            n.branchingBefore = branching;
            n.sleep.copyFrom(sleeping);
            int first = n.firstChoice(reversed);
            if (first < 0) {
                return Scheduler.ABANDON;
            }
            n.chosen = first;
            n.backtrack[first] = true;
            n.addInternalSiblings(first);
            if (split != null && branching < split.depth()) {
                n.addAll(); // the top of a split tree tries every option
            }
            stack.add(n);
        }
        depth++;
        sleeping.copyFrom(n.sleep);
        for (int i = 0; i < n.size; i++) {
            if (n.done[i] && i != n.chosen) {
                sleeping.add(n.codes[i], n.actions[i]);
            }
        }
        long code = n.codes[n.chosen];
        if (Choice.kind(code) == Choice.CRASH || Choice.kind(code) == Choice.SURVIVE) {
            sleeping.clear();
        } else {
            sleeping.retainIndependentOf(n.actions[n.chosen]);
        }
        return n.chosen;
    }

    @Override
    public void finished(ExecutionRecord record) {
        if (ownsLast()) {
            analyseRaces(); // an execution only walked through the top adds nothing the top lacks
        }
        while (!stack.isEmpty()) {
            Node top = stack.getLast();
            top.done[top.chosen] = true;
            int next = top.nextToExplore();
            analysed = Math.min(analysed, stack.size() - 1);
            if (next >= 0) {
                top.chosen = next;
                break;
            }
            stack.removeLast();
        }
        if (split != null && endedInTop >= 0 && Boolean.TRUE.equals(lastOwned)) {
            split.searchedOne();
        }
        if (current >= 0 && stack.size() - 1 < arrival) {
            if (split != null && currentOwned) {
                split.searchedOne();
            }
            current = -1; // the path left the subtree: the next one begins
        }
    }

    // ---------------------------------------------------------------- race analysis

    /**
     * For every race in the execution just run (two conflicting events of different actors, the
     * first not ordered before the second by anything else), makes sure the node of the first
     * event will also try an actor that can start the reversed order. Crashes and disk failures
     * not taken yet are added as hypothetical last events.
     */
    private void analyseRaces() {
        int n = depth;
        List<long[]> events = new ArrayList<>(n + 1 + maxFailures);
        int[] actors = new int[n + 1 + 8];
        int crashesTaken = 0;
        int failuresTaken = 0;
        for (int k = 0; k < n; k++) {
            Node node = stack.get(k);
            long code = node.codes[node.chosen];
            events.add(new long[] {code, node.actions[node.chosen]});
            if (Choice.kind(code) == Choice.CRASH) {
                crashesTaken++;
            } else if (Choice.kind(code) == Choice.FAIL) {
                failuresTaken++;
            }
        }
        int real = events.size();
        if (crashesTaken < maxCrashes && n > 0) {
            events.add(new long[] {Choice.crash(), Action.of(Action.CRASH, 0, 0)});
            // The hypothetical crash at the end is itself an execution to run: the last choice
            // point that offers a crash tries it (nothing observable comes after that point).
            atLastOffer(CRASH_ACTOR);
        }
        if (failuresTaken < maxFailures && n > 0) {
            // One hypothetical failure per disk the execution touched.
            long touched = 0;
            for (int k = 0; k < real; k++) {
                int kind = Action.kind(events.get(k)[1]);
                if (kind == Action.READ || kind == Action.WRITE || kind == Action.BARRIER) {
                    long object = Action.object(events.get(k)[1]);
                    int disk = kind == Action.BARRIER ? (int) object : (int) ((object & ~Action.QUEUED) >>> 32);
                    if (disk < 63 && (touched & (1L << disk)) == 0) {
                        touched |= 1L << disk;
                        events.add(new long[] {Choice.fail(disk), Action.of(Action.FAIL, 0, disk)});
                        atLastOffer(FAIL_BASE + disk);
                    }
                }
            }
        }
        int total = events.size();
        actors = Arrays.copyOf(actors, Math.max(actors.length, total));
        for (int k = 0; k < total; k++) {
            actors[k] = actor(events.get(k)[0]);
        }
        // before[j]: the events that happen before event j (a bit set). An event happens after the
        // previous event of its actor, after every earlier event it conflicts with, and after a
        // crash that came before it (and so after everything before that crash). The sets of the
        // path's first nodes, and the races of their events, carry over from the last execution.
        int words = (total + 63) / 64;
        long[][] before = new long[total][];
        int slots = 0;
        for (int k = 0; k < total; k++) {
            slots = Math.max(slots, slot(actors[k]) + 1);
        }
        if (lastOf.length < slots) {
            lastOf = new int[slots];
        }
        int[] last = lastOf;
        Arrays.fill(last, -1);
        int lastCrash = -1;
        int from = Math.min(analysed, real);
        for (int j = 0; j < from; j++) {
            before[j] = stack.get(j).hb;
            last[slot(actors[j])] = j;
            if (Choice.kind(events.get(j)[0]) == Choice.CRASH) {
                lastCrash = j;
            }
        }
        List<Integer> candidates = new ArrayList<>();
        for (int j = from; j < total; j++) {
            long[] hb = new long[words];
            long[] reach = new long[words];
            long aj = events.get(j)[1];
            int p = last[slot(actors[j])];
            if (p >= 0) {
                set(hb, p);
                or(hb, before[p]);
                or(reach, before[p]);
            }
            candidates.clear();
            for (int i = Math.max(0, lastCrash + 1); i < Math.min(j, real); i++) {
                if (actors[i] != actors[j] && races(events.get(i)[1], aj)) {
                    set(hb, i);
                    or(hb, before[i]);
                    or(reach, before[i]);
                    candidates.add(i);
                }
            }
            if (lastCrash >= 0) {
                set(hb, lastCrash);
                or(hb, before[lastCrash]);
            }
            boolean crash = j < real && Choice.kind(events.get(j)[0]) == Choice.CRASH;
            if (crash) {
                // A crash ends every thread: it happens after everything before it.
                for (int i = 0; i < j; i++) {
                    set(hb, i);
                }
            }
            before[j] = hb;
            if (j < real) {
                stack.get(j).hb = hb;
            }
            if (actors[j] != SURVIVE_ACTOR) {
                for (int i : candidates) {
                    // A race: nothing but their own conflict orders i before j.
                    if (actors[i] != SURVIVE_ACTOR && !get(reach, i)) {
                        reverse(i, j, before, actors);
                    }
                }
            }
            last[slot(actors[j])] = j;
            if (crash) {
                lastCrash = j;
            }
        }
        analysed = real;
    }

    /**
     * The race (i, j): the node of event {@code i} must try, besides what it has, an actor that
     * can begin {@code notdep(i).j}: the events after {@code i} not ordered after it, then {@code j}.
     */
    private void reverse(int i, int j, long[][] before, int[] actors) {
        Node node = stack.get(i);
        List<Integer> v = new ArrayList<>();
        for (int k = i + 1; k < j; k++) {
            if (!get(before[k], i)) {
                v.add(k);
            }
        }
        v.add(j);
        List<Integer> initials = new ArrayList<>();
        for (int a = 0; a < v.size(); a++) {
            int k = v.get(a);
            boolean first = true;
            for (int b = 0; b < a; b++) {
                if (get(before[k], v.get(b))) {
                    first = false;
                    break;
                }
            }
            if (first && !initials.contains(actors[k])) {
                initials.add(actors[k]);
            }
        }
        for (int actor : initials) {
            if (node.hasBacktrackFor(actor)) {
                return;
            }
        }
        // Prefer the second event's own actor, then any other initial the node can run.
        int preferred = actors[j];
        if (initials.contains(preferred) && node.addBacktrack(preferred)) {
            return;
        }
        for (int actor : initials) {
            if (node.addBacktrack(actor)) {
                return;
            }
        }
        node.addAll();
    }

    /**
     * The dependency the race analysis uses: {@link Action#conflict}, except that releasing a lock
     * orders nothing. A thread waiting for a lock cannot take it before it is released anyway
     * (it is not enabled), and so the two acquisitions race directly, which is the race whose
     * reversal lets the other thread take the lock first (as in Flanagan and Godefroid's DPOR).
     */
    private static boolean races(long a, long b) {
        if (Action.kind(a) == Action.UNLOCK || Action.kind(b) == Action.UNLOCK) {
            return false;
        }
        return Action.conflict(a, b);
    }

    /** Adds {@code actor} to the backtrack set of the last node on the path that offers it. */
    private void atLastOffer(int actor) {
        for (int k = depth - 1; k >= 0; k--) {
            if (stack.get(k).addBacktrack(actor)) {
                return;
            }
        }
    }

    /** The last event of each actor, by {@link #slot}: reused by every race analysis. */
    private int[] lastOf = new int[256 + 2 + 8];

    /** A dense index for an actor: threads 0..255, then the crash, the crash state, and each disk's failure. */
    private static int slot(int actor) {
        return actor < CRASH_ACTOR ? actor : actor < FAIL_BASE ? 256 + actor - CRASH_ACTOR : 258 + actor - FAIL_BASE;
    }

    private static int actor(long code) {
        return switch (Choice.kind(code)) {
            case Choice.THREAD -> Choice.target(code);
            case Choice.CRASH -> CRASH_ACTOR;
            case Choice.SURVIVE -> SURVIVE_ACTOR;
            default -> FAIL_BASE + Choice.target(code);
        };
    }

    private static void set(long[] bits, int i) {
        bits[i >>> 6] |= 1L << i;
    }

    private static boolean get(long[] bits, int i) {
        return (i >>> 6) < bits.length && (bits[i >>> 6] & (1L << i)) != 0;
    }

    private static void or(long[] into, long[] from) {
        for (int w = 0; w < Math.min(into.length, from.length); w++) {
            into[w] |= from[w];
        }
    }

    /** One choice point on the current path. */
    private static final class Node {
        final long[] codes;
        final long[] actions;
        final int size;
        final int current;
        final boolean[] backtrack;
        final boolean[] done;
        final SleepSet sleep = new SleepSet();
        int chosen;
        /** Choice points with two or more options before this one on the path. */
        int branchingBefore;
        /** The events before this node's event, once the race analysis has computed them. */
        long[] hb = new long[0];

        Node(Choice c) {
            size = c.size();
            codes = new long[size];
            actions = new long[size];
            for (int i = 0; i < size; i++) {
                codes[i] = c.code(i);
                actions[i] = c.action(i);
            }
            current = c.current();
            backtrack = new boolean[size];
            done = new boolean[size];
        }

        boolean matches(Choice c) {
            if (c.size() != size) {
                return false;
            }
            for (int i = 0; i < size; i++) {
                if (c.code(i) != codes[i] || c.action(i) != actions[i]) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The option to run first: the current thread if it can go on (fewest switches), else the
         * first awake thread; {@code reversed}: the last awake thread.
         */
        int firstChoice(boolean reversed) {
            int fallback = -1;
            int fault = -1;
            for (int k = 0; k < size; k++) {
                int i = reversed ? size - 1 - k : k;
                if (sleep.contains(codes[i])) {
                    continue;
                }
                int kind = Choice.kind(codes[i]);
                if (!reversed && kind == Choice.THREAD && Choice.target(codes[i]) == current) {
                    return i;
                }
                if (fallback < 0 && (kind == Choice.THREAD || kind == Choice.SURVIVE)) {
                    fallback = i;
                }
                if (fault < 0 && (kind == Choice.CRASH || kind == Choice.FAIL)) {
                    fault = i;
                }
            }
            // Every thread asleep: their continuations were all covered, but a crash (or disk
            // failure) here may not have been; it is this path's last event, as at its end.
            return fallback >= 0 ? fallback : fault;
        }

        /** A random value or a crash state: every other value of the same choice is tried too. */
        void addInternalSiblings(int i) {
            long code = codes[i];
            int kind = Choice.kind(code);
            for (int k = 0; k < size; k++) {
                long other = codes[k];
                boolean sibling = kind == Choice.SURVIVE ? Choice.kind(other) == Choice.SURVIVE
                        : kind == Choice.THREAD && Choice.value(code) != 0 && Choice.kind(other) == Choice.THREAD
                                && Choice.target(other) == Choice.target(code);
                if (sibling) {
                    backtrack[k] = true;
                }
            }
        }

        boolean hasBacktrackFor(int actor) {
            for (int i = 0; i < size; i++) {
                if (backtrack[i] && actor(codes[i]) == actor) {
                    return true;
                }
            }
            return false;
        }

        /** Adds {@code actor}'s option(s) here; false if it has none (not enabled at this node). */
        boolean addBacktrack(int actor) {
            boolean added = false;
            for (int i = 0; i < size; i++) {
                if (actor(codes[i]) == actor) {
                    backtrack[i] = true;
                    added = true;
                }
            }
            return added;
        }

        void addAll() {
            Arrays.fill(backtrack, true);
        }

        /** The next option in the backtrack set neither explored nor asleep; -1 if none. */
        int nextToExplore() {
            for (int i = 0; i < size; i++) {
                if (backtrack[i] && !done[i] && !sleep.contains(codes[i])) {
                    return i;
                }
            }
            return -1;
        }
    }
}
