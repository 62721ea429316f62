/**
 * Histories of an execution and the refinement checker: history in, verdict out, with the
 * crash semantics of DESIGN.md section 4.
 */
@NullMarked
package armada.check;

import org.jspecify.annotations.NullMarked;
