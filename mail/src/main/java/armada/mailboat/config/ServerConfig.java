package armada.mailboat.config;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Everything the servers are told at start, immutable. Flags and the configuration file
 * ({@link ConfigFile}) both end up here.
 *
 * @param smtp where SMTP (port 25 service, mail for local users) listens
 * @param pop3 where POP3 listens
 * @param submission where the submission service (AUTH after STARTTLS, RFC 6409) listens, or null for none
 * @param hostname the name the servers greet with and put in Received headers
 * @param domains the mail domains served: RCPT is accepted only for local users at one of them
 * @param postmaster the local user who gets mail for {@code postmaster} (RFC 5321 4.5.1), or null
 *     if postmaster is an ordinary user name
 * @param maxConnections connections each service serves at once; more are told to retry later
 * @param maxPerClient connections one client address may have open to each service at once
 * @param idleTimeout how long a client may stay silent before it is disconnected
 * @param sessionTimeout the longest a connection may last, whatever it does
 * @param drainTimeout at shutdown, how long open sessions may take to finish before they are cut
 * @param maxMessageSize the SIZE limit, in octets
 * @param maxRecipients RCPT commands accepted per message
 * @param maxErrors error replies in one session before it is closed
 * @param authFailureDelay the pause before every authentication failure
 * @param quota the most octets a user's mailbox ({@code new/} and {@code cur/}) may hold; 0 for no limit
 * @param tls the TLS context for STARTTLS and STLS, or null for none
 * @param trustLoopback whether loopback clients count as local (like Postfix's mynetworks): they
 *     may log in to POP3 over plaintext even when TLS is offered
 * @param messageBuffer the most octets of message data all SMTP sessions together may hold in
 *     memory at once ({@link #defaultMessageBuffer}: a quarter of the heap limit); a transaction
 *     that would go past it is told {@code 452 4.3.1}
 */
public record ServerConfig(
        InetSocketAddress smtp,
        InetSocketAddress pop3,
        @Nullable InetSocketAddress submission,
        String hostname,
        List<String> domains,
        @Nullable String postmaster,
        int maxConnections,
        int maxPerClient,
        Duration idleTimeout,
        Duration sessionTimeout,
        Duration drainTimeout,
        long maxMessageSize,
        int maxRecipients,
        int maxErrors,
        Duration authFailureDelay,
        long quota,
        @Nullable SSLContext tls,
        boolean trustLoopback,
        long messageBuffer) {

    public ServerConfig {
        if (messageBuffer < maxMessageSize) {
            throw new IllegalArgumentException("the message buffer (" + messageBuffer + " octets) must hold at least "
                    + "one message of the largest size (" + maxMessageSize + " octets)");
        }
        domains = List.copyOf(domains);
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("serve at least one domain");
        }
        if (maxConnections < 1 || maxPerClient < 1 || maxRecipients < 1 || maxErrors < 1 || maxMessageSize < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (quota < 0) {
            throw new IllegalArgumentException("the quota is 0 (none) or positive, not " + quota);
        }
        for (Duration d : List.of(idleTimeout, sessionTimeout, drainTimeout)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive, not " + d);
            }
        }
        if (authFailureDelay.isNegative()) {
            throw new IllegalArgumentException("the authentication failure delay must not be negative");
        }
        if (submission != null && tls == null) {
            throw new IllegalArgumentException("the submission service needs TLS (--tls-keystore): AUTH is only taken "
                    + "after STARTTLS");
        }
    }

    /**
     * The configuration before submission, postmaster, per-client limits, drain and quota
     * existed: none of them, per-client limit equal to the service cap, a 30 s drain.
     */
    public ServerConfig(InetSocketAddress smtp, InetSocketAddress pop3, String hostname, List<String> domains,
            int maxConnections, Duration idleTimeout, Duration sessionTimeout, long maxMessageSize, int maxRecipients,
            int maxErrors, Duration authFailureDelay, @Nullable SSLContext tls, boolean trustLoopback) {
        this(smtp, pop3, null, hostname, domains, null, maxConnections, maxConnections, idleTimeout, sessionTimeout,
                Duration.ofSeconds(30), maxMessageSize, maxRecipients, maxErrors, authFailureDelay, 0, tls,
                trustLoopback, defaultMessageBuffer(maxMessageSize));
    }

    /** The defaults of {@code ./mailboat serve} (see {@link ConfigFile} for each key's default). */
    public static ServerConfig defaults() {
        return new ServerConfig(new InetSocketAddress("127.0.0.1", 2525), new InetSocketAddress("127.0.0.1", 2110), null,
                "localhost", List.of("localhost"), null, 1000, 20, Duration.ofMinutes(5), Duration.ofHours(1),
                Duration.ofSeconds(30), 10L * 1024 * 1024, 100, 10, Duration.ofSeconds(1), 0, null, true,
                defaultMessageBuffer(10L * 1024 * 1024));
    }

    public ServerConfig withPorts(InetSocketAddress newSmtp, InetSocketAddress newPop3) {
        return new ServerConfig(newSmtp, newPop3, submission, hostname, domains, postmaster, maxConnections,
                maxPerClient, idleTimeout, sessionTimeout, drainTimeout, maxMessageSize, maxRecipients, maxErrors,
                authFailureDelay, quota, tls, trustLoopback, messageBuffer);
    }

    public ServerConfig withSubmission(@Nullable InetSocketAddress address) {
        return new ServerConfig(smtp, pop3, address, hostname, domains, postmaster, maxConnections, maxPerClient,
                idleTimeout, sessionTimeout, drainTimeout, maxMessageSize, maxRecipients, maxErrors, authFailureDelay,
                quota, tls, trustLoopback, messageBuffer);
    }

    public ServerConfig withNames(String newHostname, List<String> newDomains, @Nullable String newPostmaster) {
        return new ServerConfig(smtp, pop3, submission, newHostname, newDomains, newPostmaster, maxConnections,
                maxPerClient, idleTimeout, sessionTimeout, drainTimeout, maxMessageSize, maxRecipients, maxErrors,
                authFailureDelay, quota, tls, trustLoopback, messageBuffer);
    }

    public ServerConfig withDomains(List<String> newDomains) {
        return withNames(hostname, newDomains, postmaster);
    }

    public ServerConfig withTls(@Nullable SSLContext context) {
        return new ServerConfig(smtp, pop3, submission, hostname, domains, postmaster, maxConnections, maxPerClient,
                idleTimeout, sessionTimeout, drainTimeout, maxMessageSize, maxRecipients, maxErrors, authFailureDelay,
                quota, context, trustLoopback, messageBuffer);
    }

    public ServerConfig withLimits(int newMaxConnections, Duration newIdle, long newMaxSize, int newMaxRecipients,
            int newMaxErrors, Duration newAuthDelay) {
        return new ServerConfig(smtp, pop3, submission, hostname, domains, postmaster, newMaxConnections,
                Math.min(maxPerClient, newMaxConnections), newIdle, sessionTimeout, drainTimeout, newMaxSize,
                newMaxRecipients, newMaxErrors, newAuthDelay, quota, tls, trustLoopback, Math.max(messageBuffer, newMaxSize));
    }

    /** Connections per client, and the session and drain deadlines. */
    public ServerConfig withClientLimits(int newMaxPerClient, Duration newSession, Duration newDrain) {
        return new ServerConfig(smtp, pop3, submission, hostname, domains, postmaster, maxConnections, newMaxPerClient,
                idleTimeout, newSession, newDrain, maxMessageSize, maxRecipients, maxErrors, authFailureDelay, quota,
                tls, trustLoopback, messageBuffer);
    }

    /**
     * A quarter of the JVM's heap limit, and at least one message of {@code maxMessageSize}:
     * what the DATA buffers of all sessions may hold by default. (The launcher sets the heap
     * limit; {@code MAILBOAT_HEAP} changes it.)
     */
    public static long defaultMessageBuffer(long maxMessageSize) {
        return Math.max(maxMessageSize, Runtime.getRuntime().maxMemory() / 4);
    }

    public ServerConfig withMessageBuffer(long octets) {
        return new ServerConfig(smtp, pop3, submission, hostname, domains, postmaster, maxConnections, maxPerClient,
                idleTimeout, sessionTimeout, drainTimeout, maxMessageSize, maxRecipients, maxErrors, authFailureDelay,
                quota, tls, trustLoopback, octets);
    }

    public ServerConfig withQuota(long newQuota) {
        return new ServerConfig(smtp, pop3, submission, hostname, domains, postmaster, maxConnections, maxPerClient,
                idleTimeout, sessionTimeout, drainTimeout, maxMessageSize, maxRecipients, maxErrors, authFailureDelay,
                newQuota, tls, trustLoopback, messageBuffer);
    }

    public ServerConfig withTrustLoopback(boolean trust) {
        return new ServerConfig(smtp, pop3, submission, hostname, domains, postmaster, maxConnections, maxPerClient,
                idleTimeout, sessionTimeout, drainTimeout, maxMessageSize, maxRecipients, maxErrors, authFailureDelay,
                quota, tls, trust, messageBuffer);
    }
}
