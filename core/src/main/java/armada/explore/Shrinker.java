package armada.explore;

import armada.check.Event;
import armada.check.Failure;
import armada.sim.Choice;
import armada.sim.ExecutionRecord;
import armada.sim.Machine;
import armada.sim.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a failing schedule smaller before it is shown: fewer crashes, fewer disk failures,
 * fewer thread switches, fewer decisions. Each candidate is replayed leniently; it is kept when
 * it fails with the same failure (the same kind, about the same operation, cell, lock or
 * invariant: see {@link #subject}) and costs less. Bounded by a number of replays.
 */
final class Shrinker {

    private static final int MAX_REPLAYS = 400;

    private final Machine machine;
    private final Workload workload;
    private final Judge judge;
    private final Runnable tick;
    private int replays;

    /** {@code tick} is called before each replay, to show the search is alive. */
    Shrinker(Machine machine, Workload workload, Judge judge, Runnable tick) {
        this.machine = machine;
        this.workload = workload;
        this.judge = judge;
        this.tick = tick;
    }

    /** The smallest failing decisions found, starting from {@code failing} which fails with {@code kind}. */
    long[] shrink(long[] failing, Failure original) {
        tick.run();
        String wanted = subject(original, machine.run(workload, new ReplayScheduler(failing, false), false).history());
        long[] best = failing;
        long[] bestCost = cost(best);
        boolean improved = true;
        while (improved && replays < MAX_REPLAYS) {
            improved = false;
            for (long[] candidate : candidates(best)) {
                if (replays >= MAX_REPLAYS) {
                    break;
                }
                replays++;
                tick.run();
                ExecutionRecord r = machine.run(workload, new ReplayScheduler(candidate, false), false);
                Failure f = judge.judge(r);
                if (f == null || f.getClass() != original.getClass() || !subject(f, r.history()).equals(wanted)) {
                    continue;
                }
                long[] actual = r.decisions();
                long[] c = cost(actual);
                if (less(c, bestCost)) {
                    best = actual;
                    bestCost = c;
                    improved = true;
                    break;
                }
            }
        }
        return trimDefaults(best);
    }

    /**
     * Drops trailing decisions that a replay would take anyway (past the end of a schedule the
     * replay keeps the current thread running), so the printed schedule is as short as it can be.
     */
    long[] trimDefaults(long[] decisions) {
        int len = decisions.length;
        while (len > 0) {
            long[] prefix = java.util.Arrays.copyOf(decisions, len - 1);
            tick.run();
            ExecutionRecord r = machine.run(workload, new ReplayScheduler(prefix, true), false);
            if (!java.util.Arrays.equals(r.decisions(), decisions)) {
                break;
            }
            len--;
        }
        return java.util.Arrays.copyOf(decisions, len);
    }

    private static List<long[]> candidates(long[] d) {
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            if (Choice.kind(d[i]) != Choice.THREAD) {
                out.add(remove(d, i));
            }
        }
        for (int len = 0; len < d.length; len++) {
            out.add(java.util.Arrays.copyOf(d, len));
        }
        for (int i = 0; i < d.length; i++) {
            if (Choice.kind(d[i]) == Choice.THREAD) {
                out.add(remove(d, i));
            }
        }
        for (int i = 1; i < d.length; i++) {
            if (Choice.kind(d[i]) == Choice.THREAD && Choice.kind(d[i - 1]) == Choice.THREAD
                    && Choice.target(d[i]) != Choice.target(d[i - 1])) {
                long[] c = d.clone();
                c[i] = Choice.thread(Choice.target(d[i - 1]), Choice.value(d[i]));
                out.add(c);
            }
        }
        return out;
    }

    private static long[] remove(long[] d, int i) {
        long[] c = new long[d.length - 1];
        System.arraycopy(d, 0, c, 0, i);
        System.arraycopy(d, i + 1, c, i, d.length - i - 1);
        return c;
    }

    /**
     * What a failure is about, beyond its kind: for a refinement failure, the operation (thread
     * and call) whose return nothing explains; for the others, the object or rule their message
     * names. A shorter schedule that fails about something else is a different bug.
     */
    static String subject(Failure f, List<Event> history) {
        return switch (f) {
            case Failure.NotRefinement n -> {
                if (n.eventIndex() < 0 || n.eventIndex() >= history.size()) {
                    yield "event " + n.eventIndex();
                }
                Event e = history.get(n.eventIndex());
                if (e instanceof Event.Return ret) {
                    for (Event earlier : history) {
                        if (earlier instanceof Event.Invoke inv && inv.opId() == ret.opId()) {
                            yield "t" + inv.thread() + " " + inv.op();
                        }
                    }
                }
                yield e.toString();
            }
            case Failure.DataRace d -> d.cell();
            case Failure.StaleObject s -> s.object();
            case Failure.CrashInvariantBroken c -> c.invariant();
            case Failure.UserException u -> u.exception().replaceAll(":.*", "") + " " + u.where();
            case Failure.StepBoundExceeded b -> "";
            case Failure.Stuck s -> "";
            case Failure.Deadlock d -> "";
            case Failure.Livelock l -> "";
            case Failure.LockMisuse m -> m.detail().replaceAll("^t\\d+ ", "");
            case Failure.LayerUndefined u -> u.layer() + " " + u.call().replaceAll("^\\S+ ", "");
            case Failure.FalseMoverClaim c -> c.claim();
            case Failure.ProtocolViolation v -> v.layer() + " " + v.call().replaceAll("^\\S+ ", "");
            case Failure.AbstractionBroken a -> a.abstraction();
            case Failure.PartitionBroken p -> p.partition();
            case Failure.RetryChangesState r -> r.layer() + " " + r.call().replaceAll("^\\S+ ", "");
        };
    }

    /** Crashes, disk failures, thread switches, decisions: compared in that order. */
    static long[] cost(long[] d) {
        long crashes = 0;
        long fails = 0;
        long switches = 0;
        int last = -1;
        for (long code : d) {
            switch (Choice.kind(code)) {
                case Choice.CRASH -> crashes++;
                case Choice.FAIL -> fails++;
                case Choice.THREAD -> {
                    if (last >= 0 && Choice.target(code) != last) {
                        switches++;
                    }
                    last = Choice.target(code);
                }
                default -> {
                    // A crash-state choice picks what survived; it is not a thread switch.
                }
            }
        }
        return new long[] {crashes, fails, switches, d.length};
    }

    private static boolean less(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return a[i] < b[i];
            }
        }
        return false;
    }
}
