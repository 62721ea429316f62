/**
 * The replicated disk of the Armada paper (Figures 1-4): two disks that behave as one, with a
 * lock per address and a recovery that copies disk 0 to disk 1; and its broken variants.
 */
@NullMarked
package armada.examples.repdisk;

import org.jspecify.annotations.NullMarked;
