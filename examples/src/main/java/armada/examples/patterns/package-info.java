/**
 * CSPEC's proof patterns (section 6) on small lock layers, each used correctly and misused:
 * a protocol (only the lock's owner touches memory), an abstraction with an explicit error state
 * (a lock with a write buffer abstracted to the Lock layer), a partition (locks named by number)
 * and a retry loop (Acquire as test-and-set until it succeeds).
 */
@NullMarked
package armada.examples.patterns;

import org.jspecify.annotations.NullMarked;
