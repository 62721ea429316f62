/**
 * The World API that checked code is written against (disks, locks, memory cells, threads,
 * randomness), and the real World that runs the same code in production.
 */
@NullMarked
package armada.world;

import org.jspecify.annotations.NullMarked;
