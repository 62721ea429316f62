/**
 * Write-ahead logging (Armada paper, section 7.1): a pair of disk blocks updated atomically
 * through a log and a commit block, with a recovery that finishes committed updates; and its
 * broken variants.
 */
@NullMarked
package armada.examples.wal;

import org.jspecify.annotations.NullMarked;
