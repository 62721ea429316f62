/** The mail library's atomic spec (CMAIL's Figure 3, with Mailboat's locks and crash step). */
@NullMarked
package armada.mailboat.spec;

import org.jspecify.annotations.NullMarked;
