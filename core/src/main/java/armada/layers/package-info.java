/**
 * CSPEC in Armada: a lower layer's spec run as the World of the layer above, mover claims about
 * its operations checked by the commutation diagram, the chain of checks that compose, and the
 * proof patterns of CSPEC section 6, checked: {@link armada.layers.Protocol} (a rule every call
 * must follow, assumed by the other checks), {@link armada.layers.Abstraction} (lower states to
 * upper states, step by step), {@link armada.layers.Partition} (calls on different keys commute)
 * and {@link armada.layers.RetryLoop} (failed attempts change nothing).
 */
@NullMarked
package armada.layers;

import org.jspecify.annotations.NullMarked;
