package armada.mailboat.pop3;

/**
 * STLS (RFC 2595 section 4): says {@code +OK begin TLS}; the session then switches the
 * connection to TLS, dropping anything the client sent after the command in plaintext, and
 * starts over in AUTHORIZATION.
 */
final class StlsVerb implements Verb<Pop3Command.Stls> {

    @Override
    public Reply execute(Pop3Session session, Pop3Command.Stls command) {
        if (session.secure()) {
            return Reply.TLS_ACTIVE;
        }
        if (!session.tlsAvailable()) {
            return Reply.TLS_UNAVAILABLE;
        }
        session.requestTls();
        return Reply.BEGIN_TLS;
    }
}
