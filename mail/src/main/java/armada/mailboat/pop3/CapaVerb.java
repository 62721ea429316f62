package armada.mailboat.pop3;

/** CAPA (RFC 2449): what this server supports, as it stands for this connection now. */
final class CapaVerb implements Verb<Pop3Command.Capa> {

    @Override
    public Reply execute(Pop3Session session, Pop3Command.Capa command) {
        boolean stls = session.state() == State.AUTHORIZATION && session.tlsAvailable() && !session.secure();
        return Reply.capabilities(!session.plaintextLoginRefused(), stls);
    }
}
