package armada.history;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The search's memo: the (set of operations already handled, spec state) pairs it has entered.
 * From such a pair the rest of the search is always the same, so entering it again cannot help.
 * An open-addressing table keyed by a 64-bit hash, compared in full (bit set and state) on a
 * hash match, so a collision never prunes a search that could succeed.
 */
final class Memo {

    private long[] hashes;
    private @Nullable Object[] states;
    private long[] @Nullable [] sets;
    private int count;
    private int mask;

    Memo() {
        int capacity = 1 << 10;
        hashes = new long[capacity];
        states = new Object[capacity];
        sets = new long[capacity][];
        mask = capacity - 1;
    }

    int size() {
        return count;
    }

    /** The hash of a (set, state) pair, from the set's hash and the state's. */
    static long hash(long setHash, Object state) {
        long h = setHash ^ (state.hashCode() * 0x9E3779B97F4A7C15L);
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 32);
    }

    /**
     * Adds the pair ({@code set}, {@code state}) with hash {@code hash}, copying {@code set}.
     *
     * @return false if it was there already
     */
    boolean add(long hash, long[] set, Object state) {
        int i = (int) hash & mask;
        while (states[i] != null) {
            if (hashes[i] == hash && state.equals(states[i]) && Arrays.equals(sets[i], set)) {
                return false;
            }
            i = (i + 1) & mask;
        }
        hashes[i] = hash;
        states[i] = state;
        sets[i] = set.clone();
        if (++count * 2 > hashes.length) {
            grow();
        }
        return true;
    }

    private void grow() {
        long[] oldHashes = hashes;
        @Nullable Object[] oldStates = states;
        long[] @Nullable [] oldSets = sets;
        int capacity = oldHashes.length * 2;
        hashes = new long[capacity];
        states = new Object[capacity];
        sets = new long[capacity][];
        mask = capacity - 1;
        for (int j = 0; j < oldHashes.length; j++) {
            if (oldStates[j] != null) {
                int i = (int) oldHashes[j] & mask;
                while (states[i] != null) {
                    i = (i + 1) & mask;
                }
                hashes[i] = oldHashes[j];
                states[i] = oldStates[j];
                sets[i] = oldSets[j];
            }
        }
    }
}
