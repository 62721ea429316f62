/**
 * An append-only log store on the file system (one segment per boot, records framed with a
 * length and a checksum, replayed by recovery); and its broken variants: a torn record trusted,
 * no fsync, a replay left running in the background, and correct variants that spin and that
 * catch {@code Throwable}.
 */
@NullMarked
package armada.examples.applog;

import org.jspecify.annotations.NullMarked;
