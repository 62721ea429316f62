package armada.explore;

import armada.sim.Choice;
import armada.sim.Scheduler;
import org.jspecify.annotations.Nullable;

/**
 * Follows a recorded list of decisions. Strict: each decision must be an option where it is
 * used. Lenient (for shrinking): decisions that are not options there are skipped. Past the end
 * of the list both run the current thread if it can step, else the first thread; never a fault.
 */
final class ReplayScheduler implements Scheduler {

    private final long[] decisions;
    private final boolean strict;
    private int next;
    private @Nullable String mismatch;

    ReplayScheduler(long[] decisions, boolean strict) {
        this.decisions = decisions;
        this.strict = strict;
    }

    @Override
    public int choose(Choice c) {
        while (next < decisions.length) {
            long d = decisions[next++];
            for (int i = 0; i < c.size(); i++) {
                if (c.code(i) == d) {
                    return i;
                }
            }
            if (strict) {
                mismatch = "the schedule does not fit this scenario: decision " + next
                        + " ('" + Choice.token(d) + "') is not possible there";
                return ABANDON;
            }
        }
        return byDefault(c);
    }

    /** Why a strict replay could not follow the schedule, or null. */
    @Nullable String mismatch() {
        return mismatch;
    }

    /** True when the whole list was used. */
    boolean consumedAll() {
        return next >= decisions.length;
    }

    static int byDefault(Choice c) {
        int first = -1;
        for (int i = 0; i < c.size(); i++) {
            long code = c.code(i);
            if (Choice.kind(code) == Choice.THREAD) {
                if (Choice.target(code) == c.current()) {
                    return i;
                }
                if (first < 0) {
                    first = i;
                }
            }
        }
        return Math.max(first, 0);
    }
}
