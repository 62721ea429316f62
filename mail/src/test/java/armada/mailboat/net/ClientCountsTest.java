package armada.mailboat.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The per-address count behind --max-connections-per-client. */
class ClientCountsTest {

    @Test
    void addressAtItsLimit_isRefusedUntilOneOfItsConnectionsEnds() throws Exception {
        // Each address has its own count; a release makes room; an address with no connection
        // leaves the map, so the map never holds more addresses than open connections.
        ClientCounts counts = new ClientCounts(2);
        InetAddress a = InetAddress.getByName("127.0.0.2");
        InetAddress b = InetAddress.getByName("127.0.0.3");
        assertThat(counts.tryAcquire(a)).isTrue();
        assertThat(counts.tryAcquire(a)).isTrue();
        assertThat(counts.tryAcquire(a)).isFalse();
        assertThat(counts.tryAcquire(b)).isTrue();
        assertThat(counts.count(a)).isEqualTo(2);
        counts.release(a);
        assertThat(counts.tryAcquire(a)).isTrue();
        counts.release(a);
        counts.release(a);
        counts.release(b);
        assertThat(counts.count(a)).isZero();
        assertThat(counts.count(b)).isZero();
    }
}
