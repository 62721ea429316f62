package armada.mailboat.pop3;

import armada.mailboat.Mailboat;
import armada.mailboat.io.Connection;
import armada.mailboat.server.ServerConfig;
import armada.mailboat.server.SessionHandler;
import armada.mailboat.users.UserStore;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;

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

    private static final Logger LOG = Logger.getLogger(Pop3Server.class.getName());

    private final ServerConfig config;
    private final Mailboat mailboat;
    private final UserStore users;
    private final Map<String, Verb> verbs = Verbs.table();
    private final Set<String> live = ConcurrentHashMap.newKeySet();

    public Pop3Server(ServerConfig config, Mailboat mailboat, UserStore users) {
        this.config = config;
        this.mailboat = mailboat;
        this.users = users;
    }

    @Override
    public void serve(Connection connection) throws IOException {
        try {
            new Pop3Session(this, connection).run();
        } catch (SSLException e) {
            LOG.log(Level.FINE, "POP3 TLS failed with " + connection.remote().getHostAddress() + ": " + e);
        }
    }

    /** The users with a session in TRANSACTION now. */
    public Set<String> liveSessions() {
        return Set.copyOf(live);
    }

    ServerConfig config() {
        return config;
    }

    Mailboat mailboat() {
        return mailboat;
    }

    UserStore users() {
        return users;
    }

    Map<String, Verb> verbs() {
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
