/**
 * The papers' throughput experiment: deliveries and pickups (with deletes) for 100 users on
 * the real file system, the library called directly, as the number of threads grows.
 */
@NullMarked
package armada.mailboat.bench;

import org.jspecify.annotations.NullMarked;
