package armada.mailboat.net;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connections open per client address, for one service, each address at most {@code max}. An
 * address is in the map only while it has a connection, so the map holds at most as many
 * entries as the service's own cap.
 */
final class ClientCounts {

    private final int max;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    ClientCounts(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("connections per client must be positive, not " + max);
        }
        this.max = max;
    }

    /** Counts a connection from {@code client}; false (and nothing counted) if it already has {@code max}. */
    boolean tryAcquire(InetAddress client) {
        boolean[] taken = {false};
        open.compute(client, (a, n) -> {
            int now = n == null ? 0 : n;
            if (now >= max) {
                return n;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    void release(InetAddress client) {
        open.computeIfPresent(client, (a, n) -> n <= 1 ? null : n - 1);
    }

    /** Connections counted for {@code client} now. */
    int count(InetAddress client) {
        return open.getOrDefault(client, 0);
    }
}
