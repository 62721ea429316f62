/**
 * The mailboxes as the servers see them: the mail library on the real World, rebuilt when a user
 * appears while the server runs, with the recipient rules (case, postmaster), quotas, and the
 * clean-up of a delivery that failed half way. Server code, not checked: it calls the library's
 * operations (which also make each Maildir) and touches the file system only to find and measure them.
 */
@NullMarked
package armada.mailboat.store;

import org.jspecify.annotations.NullMarked;
