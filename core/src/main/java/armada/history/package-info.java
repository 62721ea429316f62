/**
 * Checking recorded histories of a real deployment against a spec: linearizability with crash
 * episodes, operations that never returned, partitioning by independent keys, and time limits.
 */
@NullMarked
package armada.history;

import org.jspecify.annotations.NullMarked;
