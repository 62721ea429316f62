package armada.history;

import armada.spec.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One search problem: the operations of a history (or of one partition of it) and the spec crash
 * steps of its recovered episodes, each with the window in which it may take effect, laid out as
 * the time-ordered list of call and return entries that the search walks.
 *
 * <p>Search operation {@code j} has entries {@code 2j} (its call: it may take effect from here
 * on) and {@code 2j + 1} (its deadline: it must have taken effect, or, if optional, be dropped, by
 * here). Entries are ordered by position in the history, four slots per event: at a recovery
 * event the deadlines of the operations its crashes stopped come first, then the crash step
 * (call and deadline together), then the calls of operations invoked during the episode.
 * Operations that never returned and no crash stopped have no deadline: they sort last.
 */
final class Problem {

    /** The search operations: history operations first, then crash steps. */
    final int size;
    final @Nullable Op<?>[] ops;
    /** The history operation behind each search operation (null for a crash step). */
    final @Nullable Operation[] sources;
    /** The episode (index into the history's episodes) of each crash step; -1 for operations. */
    final int[] episodes;
    /** Must take effect: it returned, or it is a crash step. */
    final boolean[] required;
    /** May be dropped at its deadline (an optional operation stopped by a crash that was recovered from). */
    final boolean[] droppable;
    final @Nullable Object[] results;
    /** The entries in time order. */
    final int[] order;
    final int requiredCount;

    private Problem(List<Operation> operations, List<Episode> episodes) {
        List<Integer> recoveries = new ArrayList<>();
        for (int e = 0; e < episodes.size(); e++) {
            if (episodes.get(e).recovered()) {
                recoveries.add(e);
            }
        }
        List<Operation> included = new ArrayList<>(operations.size());
        for (Operation o : operations) {
            if (o.status() != Operation.Status.FAILED && (!o.startsAfterRecovery() || recoveryAfter(episodes, o.invokedAt()) >= 0)) {
                included.add(o);
            }
        }
        size = included.size() + recoveries.size();
        ops = new Op<?>[size];
        sources = new Operation[size];
        this.episodes = new int[size];
        required = new boolean[size];
        droppable = new boolean[size];
        results = new Object[size];
        long[] keys = new long[2 * size];
        int req = 0;
        for (int j = 0; j < included.size(); j++) {
            Operation o = included.get(j);
            ops[j] = o.op();
            sources[j] = o;
            this.episodes[j] = -1;
            keys[2 * j] = o.startsAfterRecovery() ? slot(recoveryAfter(episodes, o.invokedAt()), 3) : slot(o.invokedAt(), 1);
            if (o.returned()) {
                required[j] = true;
                req++;
                results[j] = o.result();
                keys[2 * j + 1] = slot(o.endedAt(), 1);
            } else {
                int deadline = o.cutOffBy() > 0 ? recoveryOf(episodes, o.cutOffBy()) : -1;
                droppable[j] = deadline >= 0;
                keys[2 * j + 1] = deadline >= 0 ? slot(deadline, 0) : Long.MAX_VALUE;
            }
        }
        for (int k = 0; k < recoveries.size(); k++) {
            int j = included.size() + k;
            int at = episodes.get(recoveries.get(k)).recoveredAt();
            this.episodes[j] = recoveries.get(k);
            required[j] = true;
            req++;
            keys[2 * j] = slot(at, 1);
            keys[2 * j + 1] = slot(at, 2);
        }
        requiredCount = req;
        Integer[] entries = new Integer[2 * size];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = i;
        }
        Arrays.sort(entries, Comparator.<Integer>comparingLong(i -> keys[i]).thenComparingInt(i -> i));
        order = new int[entries.length];
        for (int i = 0; i < entries.length; i++) {
            order[i] = entries[i];
        }
    }

    /** The problem of these operations (a whole history's, or one partition's) and the history's episodes. */
    static Problem of(List<Operation> operations, History history) {
        return new Problem(operations, history.episodes());
    }

    private static long slot(int position, int sub) {
        return 4L * position + sub;
    }

    /** The recovery event that ends the episode in progress at {@code position}, or -1 if none does. */
    private static int recoveryAfter(List<Episode> episodes, int position) {
        for (Episode e : episodes) {
            if (e.crashesAt().getFirst() < position && (!e.recovered() || e.recoveredAt() > position)) {
                return e.recoveredAt();
            }
        }
        return -1;
    }

    /** The recovery event of the episode that crash number {@code crash} belongs to, or -1 if it never recovered. */
    private static int recoveryOf(List<Episode> episodes, int crash) {
        for (Episode e : episodes) {
            if (crash >= e.firstCrash() && crash < e.firstCrash() + e.crashesAt().size()) {
                return e.recoveredAt();
            }
        }
        throw new IllegalStateException("no episode has crash " + crash);
    }

    boolean isCrash(int j) {
        return ops[j] == null;
    }
}
