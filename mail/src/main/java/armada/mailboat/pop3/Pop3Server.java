package armada.mailboat.pop3;

import armada.mailboat.config.ServerConfig;
import armada.mailboat.io.Connection;
import armada.mailboat.net.SessionHandler;
import armada.mailboat.store.Mailboxes;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The POP3 server (RFC 1939, with CAPA from RFC 2449, STLS from RFC 2595 and the response codes
 * of RFC 2449 and RFC 3206): serves each connection with a {@link Pop3Session}.
 *
 * <p>The mail library's user lock blocks, so a second session for the same user would hang in
 * Pickup. The server therefore keeps the set of users with a live session and claims a user
 * atomically before Pickup: a second login gets {@code -ERR [IN-USE]} at once. The claim is
 * given up after Unlock.
 */
public final class Pop3Server implements SessionHandler {

    /** The line for the listener to send a client over the connection cap, before closing. */
    public static final String BUSY = Reply.BUSY_LINE;

    private static final Logger LOG = LoggerFactory.getLogger(Pop3Server.class);

    private final ServerConfig config;
    private final Mailboxes mailboxes;
    private final Verbs verbs = new Verbs();
    private final Set<String> live = ConcurrentHashMap.newKeySet();

    public Pop3Server(ServerConfig config, Mailboxes mailboxes) {
        this.config = config;
        this.mailboxes = mailboxes;
    }

    @Override
    public String service() {
        return "pop3";
    }

    @Override
    public void serve(Connection connection) throws IOException {
        try {
            new Pop3Session(this, connection).run();
        } catch (SSLException e) {
            LOG.debug("POP3 TLS failed with {}: {}", connection.remote().getHostAddress(), e.toString());
        }
    }

    @Override
    public String line(Refusal refusal) {
        return switch (refusal) {
            case BUSY -> Reply.BUSY_LINE;
            case CLIENT_LIMIT -> Reply.TOO_MANY_FROM_CLIENT.statusLine();
            case STOPPING -> Reply.SHUTTING_DOWN.statusLine();
        };
    }

    /** The users with a session in TRANSACTION now. */
    public Set<String> liveSessions() {
        return Set.copyOf(live);
    }

    ServerConfig config() {
        return config;
    }

    Mailboxes mailboxes() {
        return mailboxes;
    }

    Verbs verbs() {
        return verbs;
    }

    /** Claims {@code user}'s mailbox for one session; false if another session holds it. */
    boolean claim(String user) {
        return live.add(user);
    }

    void release(String user) {
        live.remove(user);
    }
}
