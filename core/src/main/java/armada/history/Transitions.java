package armada.history;

import java.util.Arrays;

/**
 * A cache of the spec's steps in one search: for (search operation, state id), a code for the
 * distinct states the step may lead to, which the search computes once. Specs are pure functions
 * of state and operation, so the step from a pair is always the same. Bounded: when it holds
 * {@link #MAX_SIZE} entries it starts afresh.
 */
final class Transitions {

    /** No entry for the pair. */
    static final int MISSING = Integer.MIN_VALUE;

    private static final int MAX_SIZE = 1 << 22;

    private long[] keys = new long[1 << 10];
    private int[] codes = new int[1 << 10];
    private int count;

    /** The code stored for ({@code op}, {@code state}), or {@link #MISSING}. */
    int get(int op, int state) {
        long key = key(op, state);
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return codes[i];
            }
            if (k == 0) {
                return MISSING;
            }
        }
    }

    void put(int op, int state, int code) {
        if (count >= MAX_SIZE) {
            Arrays.fill(keys, 0);
            count = 0;
        }
        if ((count + 1) * 2 > keys.length) {
            grow();
        }
        insert(key(op, state), code);
        count++;
    }

    private void insert(long key, int code) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        codes[i] = code;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCodes = codes;
        keys = new long[oldKeys.length * 2];
        codes = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                insert(oldKeys[i], oldCodes[i]);
            }
        }
    }

    /** Never 0, which marks an empty slot. */
    private static long key(int op, int state) {
        return ((long) op << 32 | state) + 1;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
