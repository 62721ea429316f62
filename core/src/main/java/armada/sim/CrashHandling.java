package armada.sim;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What happens between a crash and recovery: the durable state that survived is chosen among
 * the distinct ones the durability model allows (less those a {@link CrashCache} says were
 * searched already from an equal point), lower layers take their crash step, and every volatile
 * thing (threads, their clocks, the locks they held) is gone with the generation that made it.
 */
final class CrashHandling {

    private final Execution ex;
    private final Baton baton;
    private final Devices devices;
    private final LayerDevices layers;
    private @Nullable CrashCache cache;

    CrashHandling(Execution ex, Baton baton, Devices devices, LayerDevices layers) {
        this.ex = ex;
        this.baton = baton;
        this.devices = devices;
        this.layers = layers;
    }

    /** Asks {@code c} at every crash whether to go on (null: always go on). */
    void cache(@Nullable CrashCache c) {
        this.cache = c;
    }

    /** After a crash: picks what survived, then starts a new generation. False if abandoned. */
    boolean afterCrash() {
        ex.crashing = false;
        ex.stopping = false;
        baton.current = baton.main;
        if (!chooseCrashState() || !layers.crash()) {
            return false;
        }
        ex.generation++;
        ex.durableDirty = true;
        ex.rec.crash(ex.crashes);
        for (SimThread t : baton.slots) {
            t.state = SimThread.State.IDLE;
            Arrays.fill(t.clock, 0);
            // The locks it held died with the generation that made them.
            t.locksHeld = 0;
            t.spin.clear();
        }
        baton.main.clock[0] = 1;
        ex.threadCount = 1;
        return true;
    }

    /**
     * The durable state after this crash: a choice among the distinct ones the model allows,
     * less those the crash cache says were searched already from an equal point (all of them:
     * the execution stops here, as abandoned).
     */
    private boolean chooseCrashState() {
        Devices.CrashOptions options = devices.crashOptions(ex.workload.crashStateBudget());
        int n = options.count();
        ex.crashStateCounts.add(n);
        ex.crashStatesCut |= options.cut();
        CrashCache c = ex.rec.tracing ? null : cache;
        int[] offered = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (c == null || fresh(c, options, i, n)) {
                offered[k++] = i;
            }
        }
        if (k == 0) {
            ex.abandoned = true;
            return false;
        }
        int pick = offered[0];
        if (n > 1) {
            // A decision whenever the model offers several states, even if the cache leaves one:
            // a replay without the cache sees them all.
            Choice choice = ex.choice;
            choice.clear(-1);
            for (int j = 0; j < k; j++) {
                choice.add(Choice.survive(offered[j]), Action.of(Action.CRASH, 0, offered[j]));
            }
            int idx = k > 1 ? ex.scheduler.choose(choice) : 0;
            if (idx == Scheduler.ABANDON) {
                ex.abandoned = true;
                return false;
            }
            pick = offered[idx];
            ex.record(choice.codes[idx]);
            if (ex.rec.tracing) {
                ex.rec.line("machine", "durable state " + Choice.token(choice.codes[idx]) + " of " + n
                        + " that the crash may leave: " + options.describe(pick));
            }
        }
        options.apply(pick);
        return true;
    }

    /** Whether the cache wants the search to go on with crash state {@code i} of {@code n}. */
    private boolean fresh(CrashCache c, Devices.CrashOptions options, int i, int n) {
        long[] path = ex.decisions(n > 1 ? Choice.survive(i) : null);
        return c.fresh(List.of(options.fingerprint(i), layers.fingerprint(), ex.crashes, ex.failures, ex.randomSeen,
                Set.copyOf(ex.randomSeenLarge)), ex.rec.history, ex.steps, path);
    }

    /**
     * After a crash, a choice among {@code n} (at least 2) states a lower layer's crash step
     * allows; -1 if the strategy abandoned the execution there.
     */
    int chooseSurvivor(int n) {
        Choice choice = ex.choice;
        choice.clear(-1);
        for (int j = 0; j < n; j++) {
            choice.add(Choice.survive(j), Action.of(Action.CRASH, 0, j));
        }
        int idx = ex.scheduler.choose(choice);
        if (idx == Scheduler.ABANDON) {
            ex.abandoned = true;
            return -1;
        }
        ex.record(choice.codes[idx]);
        return idx;
    }
}
