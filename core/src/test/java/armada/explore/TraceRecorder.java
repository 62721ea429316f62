package armada.explore;

import armada.sim.Action;
import armada.sim.Choice;
import armada.sim.ExecutionRecord;
import armada.sim.Scheduler;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a strategy and records, for each execution, every step it took (forced ones too), so a
 * test can reduce executions to their Mazurkiewicz traces: Foata normal form under the same
 * dependency the explorer uses ({@link Action#conflict}, same actor, and a crash before
 * everything after it).
 */
final class TraceRecorder implements Strategy {

    private final Strategy inner;
    private final List<long[]> steps = new ArrayList<>();
    private @Nullable String lastTrace;

    TraceRecorder(Strategy inner) {
        this.inner = inner;
    }

    @Override
    public @Nullable Scheduler next() {
        Scheduler s = inner.next();
        if (s == null) {
            return null;
        }
        steps.clear();
        return new Scheduler() {
            @Override
            public int choose(armada.sim.Choice c) {
                int i = c.size() == 1 && !s.seesForcedSteps() ? 0 : s.choose(c);
                if (i >= 0) {
                    steps.add(new long[] {c.code(i), c.action(i)});
                }
                return i;
            }

            @Override
            public boolean seesForcedSteps() {
                return true;
            }
        };
    }

    @Override
    public void finished(ExecutionRecord record) {
        lastTrace = record.abandoned() ? null : foata(steps);
        inner.finished(record);
    }

    @Override
    public boolean exhaustive() {
        return inner.exhaustive();
    }

    @Override
    public @Nullable String error() {
        return inner.error();
    }

    @Override
    public boolean ownsLast() {
        return inner.ownsLast();
    }

    @Override
    public int subtree() {
        return inner.subtree();
    }

    /** The trace of the execution just finished, or null if it was abandoned. */
    @Nullable String lastTrace() {
        return lastTrace;
    }

    private static int actor(long code) {
        return Choice.kind(code) == Choice.THREAD ? Choice.target(code) : -1 - Choice.kind(code);
    }

    /** Foata normal form: layers of steps with no dependency on each other, each layer sorted. */
    static String foata(List<long[]> steps) {
        int n = steps.size();
        int[] layer = new int[n];
        int lastCrash = -1;
        for (int j = 0; j < n; j++) {
            int l = 0;
            for (int i = 0; i < j; i++) {
                boolean dependent = i <= lastCrash || actor(steps.get(i)[0]) == actor(steps.get(j)[0])
                        || Action.conflict(steps.get(i)[1], steps.get(j)[1]);
                if (dependent) {
                    l = Math.max(l, layer[i] + 1);
                }
            }
            layer[j] = l;
            if (Choice.kind(steps.get(j)[0]) == Choice.CRASH) {
                lastCrash = j;
                // everything before a crash is in earlier layers, so its layer follows them all
                int max = 0;
                for (int i = 0; i < j; i++) {
                    max = Math.max(max, layer[i] + 1);
                }
                layer[j] = max;
            }
        }
        // An event is named by its actor, its rank among that actor's events and its kind (not by
        // the objects it touched: a file's inode number, say, depends on the order files were made).
        List<List<String>> layers = new ArrayList<>();
        java.util.Map<Integer, Integer> rank = new java.util.HashMap<>();
        for (int j = 0; j < n; j++) {
            while (layers.size() <= layer[j]) {
                layers.add(new ArrayList<>());
            }
            int r = rank.merge(actor(steps.get(j)[0]), 1, Integer::sum);
            layers.get(layer[j]).add(Choice.token(steps.get(j)[0]) + "#" + r + "/" + Action.kind(steps.get(j)[1]));
        }
        StringBuilder b = new StringBuilder();
        for (List<String> l : layers) {
            l.sort(null);
            b.append(l).append(';');
        }
        return b.toString();
    }
}
