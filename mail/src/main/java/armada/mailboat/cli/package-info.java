/** The {@code mailboat} command: manage users, serve SMTP, POP3 and submission, torture-test and benchmark. */
@NullMarked
package armada.mailboat.cli;

import org.jspecify.annotations.NullMarked;
