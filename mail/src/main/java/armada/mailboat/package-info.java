/**
 * The Mailboat mail library: Maildir storage written against the World API, so the code the
 * servers run is the code the checker explores.
 */
@NullMarked
package armada.mailboat;

import org.jspecify.annotations.NullMarked;
