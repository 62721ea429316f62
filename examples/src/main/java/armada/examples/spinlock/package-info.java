/**
 * A counter behind a test-and-set spin lock on an atomic cell (CSPEC's spinlock counter, on
 * sequentially consistent memory); and its broken variants: a lock taken by a plain load then a
 * store, and a lock never released.
 */
@NullMarked
package armada.examples.spinlock;

import org.jspecify.annotations.NullMarked;
