package armada.mailboat.pop3;

/** RSET: unmarks every message marked deleted in this session. */
final class RsetVerb implements Verb<Pop3Command.Rset> {

    @Override
    public Reply execute(Pop3Session session, Pop3Command.Rset command) {
        Maildrop drop = session.maildrop();
        drop.unmarkAll();
        return Reply.maildrop(drop.count(), drop.size());
    }
}
