package armada.mailboat.pop3;

import java.io.IOException;

/**
 * Refuses a login command sent in plaintext when it ought to be sent under TLS: when the server
 * has a TLS context, the connection has not done STLS, and the client is not on the loopback
 * interface. Without a TLS context plaintext logins are allowed from anywhere (there is nothing
 * better to offer; run such a server on loopback or a trusted network). Put around USER as well
 * as PASS, so a well-behaved client is stopped before it sends the password.
 */
record TlsFirst<C extends Pop3Command>(Verb<C> verb) implements Verb<C> {

    @Override
    public Reply execute(Pop3Session session, C command) throws IOException {
        return session.plaintextLoginRefused() ? Reply.USE_STLS : verb.execute(session, command);
    }
}
