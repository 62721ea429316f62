/**
 * The mail server: listeners on virtual threads with a connection cap, the configuration, and
 * the lifecycle (recovery before listening, clean shutdown).
 */
@NullMarked
package armada.mailboat.server;

import org.jspecify.annotations.NullMarked;
