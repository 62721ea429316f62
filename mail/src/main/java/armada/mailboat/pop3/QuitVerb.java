package armada.mailboat.pop3;

/**
 * QUIT: in AUTHORIZATION just ends the session; in TRANSACTION enters UPDATE, where the marked
 * messages are deleted and the mailbox unlocked ({@link Pop3Session#update}), and then ends it.
 */
final class QuitVerb implements Verb<Pop3Command.Quit> {

    @Override
    public Reply execute(Pop3Session session, Pop3Command.Quit command) {
        return session.state() == State.TRANSACTION ? session.update() : session.signOff();
    }
}
