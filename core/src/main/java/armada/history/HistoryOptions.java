package armada.history;

/**
 * How the history checker works.
 *
 * @param seconds give up (INCONCLUSIVE) after this long; 0 for no limit
 * @param partition check the parts of a {@link Partitioned} spec one by one
 * @param stateLimit give up (INCONCLUSIVE) when one search has entered more than this many
 *     (operations handled, spec state) pairs, which it must keep in memory
 */
public record HistoryOptions(double seconds, boolean partition, int stateLimit) {

    /** One minute, partitioned, and at most ten million states per search. */
    public static final HistoryOptions DEFAULTS = new HistoryOptions(60, true, 10_000_000);

    public HistoryOptions {
        if (seconds < 0 || stateLimit < 1) {
            throw new IllegalArgumentException("seconds must not be negative, stateLimit must be positive");
        }
    }

    public HistoryOptions withSeconds(double s) {
        return new HistoryOptions(s, partition, stateLimit);
    }

    public HistoryOptions withPartition(boolean p) {
        return new HistoryOptions(seconds, p, stateLimit);
    }

    public HistoryOptions withStateLimit(int limit) {
        return new HistoryOptions(seconds, partition, limit);
    }
}
