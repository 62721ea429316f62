/**
 * The crash test for the real server: concurrent SMTP senders against a server process killed
 * with SIGKILL at random moments and restarted; at the end every acknowledged message must be
 * there exactly once, byte for byte, and nothing else but messages in flight at a kill; on
 * request the clients' history is recorded and judged against the Mailboat spec.
 */
@NullMarked
package armada.mailboat.torture;

import org.jspecify.annotations.NullMarked;
