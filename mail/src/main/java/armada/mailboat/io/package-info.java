/**
 * Framing for the mail protocols, done once: CRLF lines with length limits, SMTP DATA with
 * dot-unstuffing and the bare-newline rule, POP3 dot-stuffing, and connections that can turn
 * to TLS.
 */
@NullMarked
package armada.mailboat.io;

import org.jspecify.annotations.NullMarked;
