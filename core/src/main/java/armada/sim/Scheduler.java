package armada.sim;

/** Decides what happens at each scheduling point of one execution (who runs next, crash, failure). */
public interface Scheduler {

    /** Returned by {@link #choose} to abandon the execution (it is redundant for the search). */
    int ABANDON = -1;

    /** Called only where {@code choice} has at least two options. Returns an option index or {@link #ABANDON}. */
    int choose(Choice choice);
}
