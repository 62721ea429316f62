package armada.explore;

import armada.sim.Choice;
import armada.sim.ExecutionRecord;
import armada.sim.Scheduler;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Depth-first search over every choice, re-running the scenario from the start for each
 * execution, with sleep sets as partial-order reduction.
 *
 * <p>Sleep sets (Godefroid): after exploring option {@code a} at a node, a sibling {@code b}
 * explored later puts {@code a} to sleep in {@code b}'s subtree for as long as the steps taken
 * do not conflict with {@code a}; an execution that would take a sleeping step is abandoned,
 * since an equivalent one was already explored. The sleep set is carried through every step,
 * forced ones included. A crash and a disk failure take part like threads: a crash conflicts
 * only with durable writes, invocations and returns (it discards everything volatile), so a
 * crash point that would expose the same durable state and history as one already tried sleeps
 * too. After a crash every thread is dead and the sleep set starts empty. With a preemption
 * bound the reduction is turned off, because the two together can miss executions inside the
 * bound.
 */
final class ExhaustiveStrategy implements Strategy {

    private final boolean reduce;
    private final int preemptionBound;
    /** Options are tried last to first (so crashes and disk failures before threads): for tests. */
    private final boolean reversed;
    private final List<Node> stack = new ArrayList<>();
    private final SleepSet sleeping = new SleepSet();
    private final Scheduler scheduler = new Scheduler() {
        @Override
        public int choose(Choice c) {
            return ExhaustiveStrategy.this.choose(c);
        }

        @Override
        public boolean seesForcedSteps() {
            return reduce;
        }
    };
    private int depth;
    private boolean started;
    private boolean cut;
    private @Nullable String error;

    /** {@code preemptionBound < 0}: unbounded. */
    ExhaustiveStrategy(boolean reduce, int preemptionBound) {
        this(reduce, preemptionBound, false);
    }

    /** With {@code reversed}, options are tried last to first: faults first, for tests of the reduction. */
    ExhaustiveStrategy(boolean reduce, int preemptionBound, boolean reversed) {
        this.reduce = reduce && preemptionBound < 0;
        this.preemptionBound = preemptionBound;
        this.reversed = reversed;
    }

    @Override
    public @Nullable Scheduler next() {
        if (started && stack.isEmpty()) {
            return null;
        }
        started = true;
        depth = 0;
        sleeping.clear();
        return scheduler;
    }

    @Override
    public boolean exhaustive() {
        return true;
    }

    @Override
    public @Nullable String error() {
        return error;
    }

    @Override
    public @Nullable String cut() {
        return cut ? "preemptions<=" + preemptionBound : null;
    }

    private int choose(Choice c) {
        if (c.size() == 1) {
            if (sleeping.contains(c.code(0))) {
                return Scheduler.ABANDON;
            }
            took(c.code(0), c.action(0));
            return 0;
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
            Node parent = depth == 0 ? null : stack.get(depth - 1);
            n = new Node(c, parent == null ? 0 : parent.preemptionsAfter(parent.chosen));
            if (reduce) {
                n.sleep.copyFrom(sleeping);
            }
            int first = n.nextOption();
            if (first < 0) {
                return Scheduler.ABANDON;
            }
            n.chosen = first;
            stack.add(n);
        }
        depth++;
        if (reduce) {
            sleeping.copyFrom(n.sleep);
            for (int i = 0; i < n.size; i++) {
                if (n.done[i] && i != n.chosen) {
                    sleeping.add(n.codes[i], n.actions[i]);
                }
            }
        }
        took(n.codes[n.chosen], n.actions[n.chosen]);
        return n.chosen;
    }

    private void took(long code, long action) {
        if (!reduce) {
            return;
        }
        if (Choice.kind(code) == Choice.CRASH || Choice.kind(code) == Choice.SURVIVE) {
            sleeping.clear();
        } else {
            sleeping.retainIndependentOf(action);
        }
    }

    @Override
    public void finished(ExecutionRecord record) {
        while (!stack.isEmpty()) {
            Node top = stack.getLast();
            top.done[top.chosen] = true;
            int next = top.nextOption();
            if (next >= 0) {
                top.chosen = next;
                return;
            }
            stack.removeLast();
        }
    }

    /** One choice point on the current path. */
    private final class Node {
        final long[] codes;
        final long[] actions;
        final int size;
        final int current;
        final int preemptions;
        final boolean[] done;
        final SleepSet sleep = new SleepSet();
        int chosen;

        Node(Choice c, int preemptions) {
            size = c.size();
            codes = new long[size];
            actions = new long[size];
            for (int i = 0; i < size; i++) {
                codes[i] = c.code(i);
                actions[i] = c.action(i);
            }
            current = c.current();
            this.preemptions = preemptions;
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

        /** The first option neither explored, asleep nor beyond the preemption bound; -1 if none. */
        int nextOption() {
            for (int k = 0; k < size; k++) {
                int i = reversed ? size - 1 - k : k;
                if (done[i] || sleep.contains(codes[i])) {
                    continue;
                }
                if (preemptionBound >= 0 && preemptionsAfter(i) > preemptionBound) {
                    done[i] = true;
                    cut = true;
                    continue;
                }
                return i;
            }
            return -1;
        }

        /** Preemptions on the path if option {@code i} is taken here. */
        int preemptionsAfter(int i) {
            long code = codes[i];
            if (Choice.kind(code) != Choice.THREAD || Choice.target(code) == current || current < 0) {
                return preemptions;
            }
            for (int j = 0; j < size; j++) {
                if (Choice.kind(codes[j]) == Choice.THREAD && Choice.target(codes[j]) == current) {
                    return preemptions + 1;
                }
            }
            return preemptions;
        }
    }
}
