package armada.mailboat.pop3;

/**
 * USER name: remembers the name for PASS. The reply is the same whether or not the user
 * exists, so USER does not tell which users exist.
 */
final class UserVerb implements Verb<Pop3Command.User> {

    @Override
    public Reply execute(Pop3Session session, Pop3Command.User command) {
        session.pendingUser(command.name());
        return Reply.SEND_PASS;
    }
}
