package armada.history;

/**
 * The bytes the memos of one check may still take. The partitions of a history are searched side
 * by side, so their memos share one budget; a memo that cannot grow within it fills up and its
 * search stops (INCONCLUSIVE) instead of running the JVM out of memory.
 */
final class MemoryBudget {

    private long remaining;
    private final long total;

    MemoryBudget(long bytes) {
        this.remaining = bytes;
        this.total = bytes;
    }

    /** The default: half of the JVM's largest heap. */
    static MemoryBudget ofHeap() {
        return new MemoryBudget(Runtime.getRuntime().maxMemory() / 2);
    }

    /** Takes {@code bytes} if that many remain. */
    boolean take(long bytes) {
        if (bytes > remaining) {
            return false;
        }
        remaining -= bytes;
        return true;
    }

    /** Gives back bytes taken before (a memo dropped its old table after growing). */
    void give(long bytes) {
        remaining += bytes;
    }

    long total() {
        return total;
    }
}
