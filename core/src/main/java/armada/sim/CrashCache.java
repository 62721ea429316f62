package armada.sim;

import armada.check.Event;
import java.util.List;

/**
 * Asked at each crash, for each state the crash may leave: whether the search should go on from
 * there. After a crash every thread is gone and nothing volatile survives, so what can
 * happen next depends only on {@code state} (the durable devices, the fault and random budgets
 * used), on what the refinement checker knows of {@code history}, and on how many steps the
 * execution has left. An explorer that has already searched every continuation of an equal
 * point, with at least as many steps left, may answer false: the machine then leaves out that
 * state (if it was the last one, the execution stops, as abandoned) and the search moves on. A depth-first search passes the
 * same point again with the same decisions before it, once per execution below it: that is the
 * same point, still being searched, and must get true.
 */
public interface CrashCache {

    /**
     * Whether to go on from this point.
     *
     * @param state the machine's part of the point (value equality)
     * @param history the history so far, up to the crash
     * @param steps steps taken so far (the step bound counts them)
     * @param path the schedule's decisions so far: equal for the same point of the search tree
     * @return true to go on, false if this point's continuations have all been searched
     */
    boolean fresh(Object state, List<Event> history, int steps, long[] path);
}
