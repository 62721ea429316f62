/**
 * The per-user lock as a file lock (GoMail/CMAIL style), for the benchmark that compares it
 * with Mailboat's in-memory locks. Real World only: the simulator does not model file locks.
 */
@NullMarked
package armada.mailboat.filelock;

import org.jspecify.annotations.NullMarked;
