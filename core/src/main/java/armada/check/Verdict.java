package armada.check;

/**
 * The result of checking a scenario. HOLDS only when the whole space within the stated bounds
 * was covered; a search cut short by time, an execution budget, a preemption bound, or a
 * strategy that samples is INCONCLUSIVE.
 */
public sealed interface Verdict {

    /** What the search did, whatever its verdict. */
    record Stats(long executions, long abandoned, long vacuous, double seconds) {
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
