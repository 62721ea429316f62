/**
 * Atomic specifications as transition systems: operations, outcomes, and the small DSL of the
 * Armada paper's Figure 2 ({@code gets}, {@code modify}, {@code ret}, {@code undefined}, {@code choose}).
 */
@NullMarked
package armada.spec;

import org.jspecify.annotations.NullMarked;
