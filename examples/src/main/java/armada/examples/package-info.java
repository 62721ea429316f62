/** The papers' case studies, checked, with their deliberately broken variants. */
@NullMarked
package armada.examples;

import org.jspecify.annotations.NullMarked;
