/**
 * CSPEC's x86-TSO case study (section 8.2): TSO memory as a layer spec, a spin lock on
 * test-and-set released by a plain store, a counter under it, and the broken variants.
 */
@NullMarked
package armada.examples.tso;

import org.jspecify.annotations.NullMarked;
