package armada.mailboat.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Everything the servers are told at start, immutable.
 *
 * @param hostname the name the servers greet with and put in Received headers
 * @param domains the mail domains served: RCPT is accepted only for local users at one of them
 * @param maxConnections connections served at once over both protocols; more are told to retry later
 * @param idleTimeout how long a client may stay silent before it is disconnected
 * @param sessionTimeout the longest a connection may last, whatever it does
 * @param maxMessageSize the SIZE limit, in octets
 * @param maxRecipients RCPT commands accepted per message
 * @param maxErrors error replies in one session before it is closed
 * @param authFailureDelay the pause before every POP3 authentication failure
 * @param tls the TLS context for STARTTLS and STLS, or null for none
 * @param trustLoopback whether loopback clients count as local (like Postfix's mynetworks): they
 *     may log in over plaintext even when TLS is offered
 */
public record ServerConfig(
        InetSocketAddress smtp,
        InetSocketAddress pop3,
        String hostname,
        List<String> domains,
        int maxConnections,
        Duration idleTimeout,
        Duration sessionTimeout,
        long maxMessageSize,
        int maxRecipients,
        int maxErrors,
        Duration authFailureDelay,
        @Nullable SSLContext tls,
        boolean trustLoopback) {

    public ServerConfig {
        domains = List.copyOf(domains);
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("serve at least one domain");
        }
        if (maxConnections < 1 || maxRecipients < 1 || maxErrors < 1 || maxMessageSize < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The defaults of {@code ./mailboat serve}: loopback ports 2525 and 2110, domain localhost. */
    public static ServerConfig defaults() {
        return new ServerConfig(new InetSocketAddress("127.0.0.1", 2525), new InetSocketAddress("127.0.0.1", 2110),
                "localhost", List.of("localhost"), 1000, Duration.ofMinutes(5), Duration.ofHours(1),
                10L * 1024 * 1024, 100, 10, Duration.ofSeconds(1), null, true);
    }

    public ServerConfig withPorts(InetSocketAddress newSmtp, InetSocketAddress newPop3) {
        return new ServerConfig(newSmtp, newPop3, hostname, domains, maxConnections, idleTimeout, sessionTimeout,
                maxMessageSize, maxRecipients, maxErrors, authFailureDelay, tls, trustLoopback);
    }

    public ServerConfig withDomains(List<String> newDomains) {
        return new ServerConfig(smtp, pop3, hostname, newDomains, maxConnections, idleTimeout, sessionTimeout,
                maxMessageSize, maxRecipients, maxErrors, authFailureDelay, tls, trustLoopback);
    }

    public ServerConfig withTls(@Nullable SSLContext context) {
        return new ServerConfig(smtp, pop3, hostname, domains, maxConnections, idleTimeout, sessionTimeout,
                maxMessageSize, maxRecipients, maxErrors, authFailureDelay, context, trustLoopback);
    }

    public ServerConfig withLimits(int newMaxConnections, Duration newIdle, long newMaxSize, int newMaxRecipients,
            int newMaxErrors, Duration newAuthDelay) {
        return new ServerConfig(smtp, pop3, hostname, domains, newMaxConnections, newIdle, sessionTimeout, newMaxSize,
                newMaxRecipients, newMaxErrors, newAuthDelay, tls, trustLoopback);
    }

    public ServerConfig withTrustLoopback(boolean trust) {
        return new ServerConfig(smtp, pop3, hostname, domains, maxConnections, idleTimeout, sessionTimeout,
                maxMessageSize, maxRecipients, maxErrors, authFailureDelay, tls, trust);
    }
}
