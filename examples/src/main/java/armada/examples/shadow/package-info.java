/**
 * The shadow copy (Armada paper, section 7.1): the same atomic pair as the write-ahead log,
 * made atomic by writing a second copy and flipping a pointer to it; and its broken variants.
 */
@NullMarked
package armada.examples.shadow;

import org.jspecify.annotations.NullMarked;
