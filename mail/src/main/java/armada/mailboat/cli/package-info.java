/** The {@code mailboat} command: add users, serve SMTP and POP3, torture-test a running server. */
@NullMarked
package armada.mailboat.cli;

import org.jspecify.annotations.NullMarked;
