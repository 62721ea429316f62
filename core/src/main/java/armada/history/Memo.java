package armada.history;

/**
 * The search's memo: the (set of operations already handled, spec state) pairs it has entered.
 * From such a pair the rest of the search is always the same, so entering it again cannot help.
 *
 * <p>An open-addressing table of flat rows of longs, {@code [hash, state id + 1, set words...]},
 * so that a probe usually touches one cache line and no object; the state is its id in the
 * search's {@link StateTable}. Rows are compared in full on a hash match, so a collision never
 * prunes a search that could succeed.
 */
final class Memo {

    /** The largest table, in longs (a Java array holds a little under 2^31). */
    private static final long MAX_LONGS = Integer.MAX_VALUE - 16;

    private final int words;
    private final int width;
    private final MemoryBudget budget;
    /** The table could not grow (too large for an array, or beyond the budget). */
    private boolean stuck;
    private long[] rows;
    private int count;
    private int mask;

    /** A memo of sets of {@code words} 64-bit words, whose tables take bytes from {@code budget}. */
    Memo(int words, MemoryBudget budget) {
        this.words = words;
        this.width = 2 + words;
        this.budget = budget;
        int capacity = 1 << 10;
        budget.take(8L * capacity * width);
        rows = new long[capacity * width];
        mask = capacity - 1;
    }

    int size() {
        return count;
    }

    /** Whether the table could not grow and is three-quarters full: the search must stop. */
    boolean full() {
        return stuck && count * 4L > (mask + 1) * 3L;
    }

    /** Whether the memo stopped growing for want of memory (not because of the array size limit). */
    boolean outOfBudget() {
        return stuck && (mask + 1) * 2L * width <= MAX_LONGS;
    }

    /** The hash of a (set, state) pair, from the set's Zobrist hash and the state's id. */
    static long hash(long setHash, int state) {
        long h = setHash + (state + 1) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return h;
    }

    /**
     * Adds the pair ({@code set}, {@code state}) with hash {@code hash}, copying {@code set}.
     *
     * @return false if it was there already
     */
    boolean add(long hash, long[] set, int state) {
        long tag = state + 1L;
        int i = (int) hash & mask;
        while (true) {
            int base = i * width;
            long t = rows[base + 1];
            if (t == 0) {
                rows[base] = hash;
                rows[base + 1] = tag;
                System.arraycopy(set, 0, rows, base + 2, words);
                count++;
                if (count * 2L > mask + 1L && !stuck) {
                    long bigger = (mask + 1) * 2L * width;
                    if (bigger <= MAX_LONGS && budget.take(8 * bigger)) {
                        grow();
                        budget.give(8 * bigger / 2);
                    } else {
                        stuck = true;
                    }
                }
                return true;
            }
            if (t == tag && rows[base] == hash && sameSet(base + 2, set)) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    private boolean sameSet(int at, long[] set) {
        for (int w = 0; w < words; w++) {
            if (rows[at + w] != set[w]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        long[] old = rows;
        int capacity = (mask + 1) * 2;
        rows = new long[capacity * width];
        mask = capacity - 1;
        for (int base = 0; base < old.length; base += width) {
            if (old[base + 1] != 0) {
                int i = (int) old[base] & mask;
                while (rows[i * width + 1] != 0) {
                    i = (i + 1) & mask;
                }
                System.arraycopy(old, base, rows, i * width, width);
            }
        }
    }
}
