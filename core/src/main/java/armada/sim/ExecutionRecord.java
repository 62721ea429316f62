package armada.sim;

import armada.check.Event;
import armada.check.TraceLine;
import armada.check.Failure;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one execution did: its history, the decisions that reproduce it, the failure the machine
 * saw (null if none; refinement is checked by the caller), and its trace if tracing was on.
 *
 * @param abandoned the scheduler abandoned it as redundant; nothing else in the record counts
 * @param crashStates for each crash, how many distinct durable states it could leave
 * @param crashStatesCut a crash had more distinct states than the budget, and some were not offered
 * @param randomCut where a {@code random} call was cut by the explored domain (its bound was
 *     larger), or null if none was
 * @param randomRepeated a cut {@code random} call returned a value an earlier cut call returned:
 *     common in the small explored domain, rare with the real bound
 */
public record ExecutionRecord(
        List<Event> history,
        long[] decisions,
        @Nullable Failure failure,
        boolean abandoned,
        List<TraceLine> trace,
        int steps,
        int crashes,
        List<Integer> crashStates,
        boolean crashStatesCut,
        @Nullable String randomCut,
        boolean randomRepeated) {

    /** The schedule string that replays this execution. */
    public String schedule() {
        return Schedules.format(decisions);
    }
}
