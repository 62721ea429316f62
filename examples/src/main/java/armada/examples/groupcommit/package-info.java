/**
 * Group commit (Armada paper, section 7.1): transactions buffered in memory and committed to
 * an on-disk log together, with a spec that says exactly when buffered ones may be lost; and
 * its broken variants.
 */
@NullMarked
package armada.examples.groupcommit;

import org.jspecify.annotations.NullMarked;
