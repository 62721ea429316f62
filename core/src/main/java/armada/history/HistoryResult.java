package armada.history;

import java.util.List;

/** The history checker's verdict on one recorded history. */
public sealed interface HistoryResult {

    /**
     * What the check did.
     *
     * @param operations operations in the history
     * @param partitions independent parts it was checked as (1 when checked whole)
     * @param states (set of operations handled, spec state) pairs the search entered
     */
    record Stats(int operations, int partitions, long states, double seconds) {
    }

    Stats stats();

    /** LINEARIZABLE, NOT_LINEARIZABLE or INCONCLUSIVE. */
    String label();

    /**
     * A linearization explains the history; one per partition. {@code vacuous}: only because the
     * spec reached undefined behaviour (in some partition), after which anything is allowed.
     */
    record Linearizable(boolean vacuous, List<Linearization> linearizations, Stats stats) implements HistoryResult {
        public Linearizable {
            linearizations = List.copyOf(linearizations);
        }

        @Override
        public String label() {
            return "LINEARIZABLE";
        }
    }

    /**
     * No linearization explains the history. {@code longest}: the longest partial linearizations
     * found (of the partitions that failed), each with the operation that could not be placed next.
     */
    record NotLinearizable(List<PartialLinearization> longest, Stats stats) implements HistoryResult {
        public NotLinearizable {
            longest = List.copyOf(longest);
        }

        @Override
        public String label() {
            return "NOT_LINEARIZABLE";
        }
    }

    /** The check stopped before it could decide; {@code reason} names the limit it hit. */
    record Inconclusive(String reason, Stats stats) implements HistoryResult {
        @Override
        public String label() {
            return "INCONCLUSIVE";
        }
    }
}
