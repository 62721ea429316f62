package armada.explore;

import armada.sim.Action;
import java.util.Arrays;

/**
 * A set of options (code and footprint) that need not be explored: each one was explored
 * already from an earlier state, and nothing since conflicted with it.
 */
final class SleepSet {

    private long[] codes = new long[4];
    private long[] actions = new long[4];
    private int size;

    void clear() {
        size = 0;
    }

    void copyFrom(SleepSet other) {
        if (codes.length < other.size) {
            codes = Arrays.copyOf(other.codes, other.size);
            actions = Arrays.copyOf(other.actions, other.size);
        } else {
            System.arraycopy(other.codes, 0, codes, 0, other.size);
            System.arraycopy(other.actions, 0, actions, 0, other.size);
        }
        size = other.size;
    }

    void add(long code, long action) {
        if (contains(code)) {
            return;
        }
        if (size == codes.length) {
            codes = Arrays.copyOf(codes, size * 2);
            actions = Arrays.copyOf(actions, size * 2);
        }
        codes[size] = code;
        actions[size] = action;
        size++;
    }

    boolean contains(long code) {
        for (int i = 0; i < size; i++) {
            if (codes[i] == code) {
                return true;
            }
        }
        return false;
    }

    /** Wakes every sleeper that conflicts with the step {@code taken}. */
    void retainIndependentOf(long taken) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!Action.conflict(actions[i], taken)) {
                codes[kept] = codes[i];
                actions[kept] = actions[i];
                kept++;
            }
        }
        size = kept;
    }
}
