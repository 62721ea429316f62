/** Mailboat's checked scenarios and its deliberately broken variants. */
@NullMarked
package armada.mailboat.check;

import org.jspecify.annotations.NullMarked;
