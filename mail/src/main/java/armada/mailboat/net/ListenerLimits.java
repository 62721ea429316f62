package armada.mailboat.net;

import java.time.Duration;

/**
 * The bounds of one listener.
 *
 * @param maxConnections connections this service serves at once; more are told BUSY and closed
 * @param maxPerClient connections one client address may have open to this service at once
 * @param idle how long a client may stay silent while the server waits for it
 * @param session the longest a connection may last, whatever it does
 */
public record ListenerLimits(int maxConnections, int maxPerClient, Duration idle, Duration session) {

    public ListenerLimits {
        if (maxConnections < 1 || maxPerClient < 1) {
            throw new IllegalArgumentException("connection limits must be positive");
        }
        if (idle.isNegative() || idle.isZero() || session.isNegative() || session.isZero()) {
            throw new IllegalArgumentException("the idle and session deadlines must be positive");
        }
    }
}
