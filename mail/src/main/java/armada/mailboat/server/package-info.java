/**
 * The mail server as one running thing: the mailboxes of a data directory recovered before
 * anything listens, the SMTP, POP3 and submission listeners, and a clean shutdown with a bounded drain.
 */
@NullMarked
package armada.mailboat.server;

import org.jspecify.annotations.NullMarked;
