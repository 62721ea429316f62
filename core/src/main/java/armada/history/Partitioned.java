package armada.history;

import armada.spec.Op;

/**
 * Implemented by a spec whose state is a product of independent parts, one per key (a key-value
 * store's keys, say): each operation reads and changes only the part {@link #partitionOf} names,
 * its result depends only on that part, and a crash acts on every part on its own (the states a
 * crash may leave are all the combinations of what it may leave of each part). Then a history is
 * linearizable exactly when, for every key, its operations on that key (with all crash episodes)
 * are, and the history checker checks them one key at a time (P-compositionality, as Porcupine
 * does), which is far cheaper.
 *
 * <p>Undefined behaviour then excuses only what follows it in its own part: the other parts are
 * still checked.
 */
public interface Partitioned {

    /** The key of the part of the state that {@code op} reads and changes; equal keys by {@code equals}. */
    Object partitionOf(Op<?> op);
}
