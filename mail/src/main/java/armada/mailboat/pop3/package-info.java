/** POP3 (RFC 1939): login is Pickup, QUIT in the transaction state is the Deletes then Unlock. */
@NullMarked
package armada.mailboat.pop3;

import org.jspecify.annotations.NullMarked;
