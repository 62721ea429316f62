package armada.explore;

import armada.sim.ExecutionRecord;
import armada.sim.Scheduler;
import org.jspecify.annotations.Nullable;

/** Chooses which execution to try next. One instance explores one scenario once. */
interface Strategy {

    /** The scheduler for the next execution, or null when the strategy has nothing left to try. */
    @Nullable Scheduler next();

    /** Called after each execution the last scheduler ran. */
    void finished(ExecutionRecord record);

    /** True when running out of executions means the whole space was covered. */
    boolean exhaustive();

    /** Why the search cannot go on (the scenario is not deterministic), or null. */
    default @Nullable String error() {
        return null;
    }

    /**
     * Whether the execution just run belongs to this strategy's part of a divided search (see
     * {@link TreeSplit}); one that does not is neither counted nor judged. Asked once after each
     * execution, before {@link #finished}.
     */
    default boolean ownsLast() {
        return true;
    }

    /** The number of the subtree of a divided search the strategy is in or about to enter (0 if undivided). */
    default int subtree() {
        return 0;
    }

    /** The bound that cut branches off the search (e.g. the preemption bound), or null. */
    default @Nullable String cut() {
        return null;
    }
}
