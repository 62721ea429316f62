/**
 * The server's logs: one structured event per connection, mail transaction and authentication
 * (SLF4J key-value pairs), rendered by Logback as key=value text fail2ban can match, or as JSON lines.
 */
@NullMarked
package armada.mailboat.log;

import org.jspecify.annotations.NullMarked;
