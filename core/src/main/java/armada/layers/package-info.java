/**
 * CSPEC in Armada: a lower layer's spec run as the World of the layer above, mover claims about
 * its operations checked by the commutation diagram, and the chain of checks that compose.
 */
@NullMarked
package armada.layers;

import org.jspecify.annotations.NullMarked;
