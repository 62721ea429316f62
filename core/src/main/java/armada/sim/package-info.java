/**
 * The simulated World: a machine that runs real Java code one thread at a time, turns every
 * World call into a scheduling point, and simulates crashes, disk failures, generations of
 * volatile objects and data-race detection.
 *
 * <p>The {@link armada.sim.Machine} is made of parts that each do one job: the baton hand-off
 * between simulated threads, the phases of an execution, the choice points, crash handling
 * (which durable state survives; with lazy crash states, files' unsynced data is decided by the
 * first step that reads it), and the report on a stuck execution. The devices (disks, the file
 * system, lower layers run as specs) keep their durable and volatile state apart.
 */
@NullMarked
package armada.sim;

import org.jspecify.annotations.NullMarked;
