/**
 * The simulated World: a machine that runs real Java code one thread at a time, turns every
 * World call into a scheduling point, and simulates crashes, disk failures, generations of
 * volatile objects and data-race detection.
 */
@NullMarked
package armada.sim;

import org.jspecify.annotations.NullMarked;
