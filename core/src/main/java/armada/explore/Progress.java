package armada.explore;

/**
 * How far a search has got, for a progress display: complete executions, seconds since it
 * started, the longest execution so far in steps, crashes explored, the most distinct durable
 * states one crash offered, and for an exhaustive search divided into subtrees, how many have
 * been searched, how many the workers have met, and whether that is all of them.
 */
public record Progress(long executions, double seconds, int depth, long crashes, int maxCrashStates,
        int subtreesSearched, int subtreesMet, boolean allSubtreesMet) {

    public Progress(long executions, double seconds, int depth, long crashes, int maxCrashStates) {
        this(executions, seconds, depth, crashes, maxCrashStates, 0, 0, false);
    }

    /** Called by a search at most every {@value #INTERVAL_MILLIS} ms (and after its first execution), on a search thread. */
    @FunctionalInterface
    public interface Listener {
        void progress(Progress p);
    }

    /** The least time between two calls of a listener. */
    public static final long INTERVAL_MILLIS = 200;
}
