package armada.check;

/**
 * The result of checking a scenario. HOLDS only when the whole space within the stated bounds
 * was covered; a search cut short by time, an execution budget, a preemption bound, or a
 * strategy that samples is INCONCLUSIVE.
 */
public sealed interface Verdict {

    /**
     * What the search did, whatever its verdict.
     *
     * @param crashes crashes over all complete executions
     * @param crashStates distinct durable states offered over all those crashes
     * @param maxCrashStates the most distinct durable states one crash offered
     */
    record Stats(long executions, long abandoned, long vacuous, double seconds, long crashes, long crashStates,
            int maxCrashStates, Parts parts) {

        public Stats(long executions, long abandoned, long vacuous, double seconds, long crashes, long crashStates,
                int maxCrashStates) {
            this(executions, abandoned, vacuous, seconds, crashes, crashStates, maxCrashStates, Parts.WHOLE);
        }

        /** Distinct durable states per crash, on average (0 without crashes). */
        public double crashStatesPerCrash() {
            return crashes == 0 ? 0 : (double) crashStates / crashes;
        }
    }

    /**
     * How a divided search was divided: the top of its tree (branching points that tried every
     * option), the subtrees below it, this part ({@code shard} of {@code shards}) and the subtree
     * its failure came from.
     *
     * @param splitDepth branching points in the top of the tree
     * @param subtrees subtrees below the top, or -1 if the search stopped before walking all of it
     * @param shard this part, 1..shards
     * @param shards parts in all; 1: the whole search ran here
     * @param failingSubtree the subtree of the failure shown, or -1
     */
    record Parts(int splitDepth, int subtrees, int shard, int shards, int failingSubtree) {

        /** A search that was not divided across processes. */
        public static final Parts WHOLE = new Parts(0, -1, 1, 1, -1);

        /** Whether this is one part of several. */
        public boolean partial() {
            return shards > 1;
        }
    }

    Stats stats();

    /** The bounds the verdict is stated within, e.g. {@code crashes<=1, disk-failures<=1}. */
    String bounds();

    /** HOLDS, VIOLATED or INCONCLUSIVE. */
    String label();

    record Holds(Stats stats, String bounds) implements Verdict {
        @Override
        public String label() {
            return "HOLDS";
        }
    }

    record Violated(Stats stats, String bounds, Counterexample counterexample) implements Verdict {
        @Override
        public String label() {
            return "VIOLATED";
        }
    }

    /** The search stopped early; {@code reason} names the bound that was hit. */
    record Inconclusive(Stats stats, String bounds, String reason) implements Verdict {
        @Override
        public String label() {
            return "INCONCLUSIVE";
        }
    }
}
