package armada.sim;

/** Decides what happens at each scheduling point of one execution (who runs next, crash, failure). */
public interface Scheduler {

    /** Returned by {@link #choose} to abandon the execution (it is redundant for the search). */
    int ABANDON = -1;

    /**
     * Called where {@code choice} has at least two options, and also where it has one if
     * {@link #seesForcedSteps()}. Returns an option index or {@link #ABANDON}. Only choices among
     * two or more options are decisions of the schedule.
     */
    int choose(Choice choice);

    /** Whether {@link #choose} also wants the points with a single option (to abandon there). */
    default boolean seesForcedSteps() {
        return false;
    }
}
