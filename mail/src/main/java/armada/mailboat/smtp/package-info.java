/** SMTP (RFC 5321) for local delivery: commands parsed into records, one class per verb, one Reply type. */
@NullMarked
package armada.mailboat.smtp;

import org.jspecify.annotations.NullMarked;
