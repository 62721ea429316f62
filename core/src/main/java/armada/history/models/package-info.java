/**
 * Specs of the systems in Porcupine's and Jepsen's test histories, for the history checker: a
 * compare-and-set register, and a key-value store partitioned by key.
 */
@NullMarked
package armada.history.models;

import org.jspecify.annotations.NullMarked;
