package armada.mailboat.pop3;

/** CAPA (RFC 2449): what this server supports, as it stands for this connection now. */
final class CapaVerb implements Verb {

    @Override
    public Reply execute(Pop3Session session, Pop3Command command) {
        boolean stls = session.state() == State.AUTHORIZATION && session.tlsAvailable() && !session.secure();
        return Reply.capabilities(!session.plaintextLoginRefused(), stls);
    }
}
