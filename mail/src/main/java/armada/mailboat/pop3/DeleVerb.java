package armada.mailboat.pop3;

/** DELE n: marks message n; it is deleted at QUIT, and RSET or a lost connection unmarks it. */
final class DeleVerb implements Verb<Pop3Command.Dele> {

    @Override
    public Reply execute(Pop3Session session, Pop3Command.Dele command) {
        Maildrop drop = session.maildrop();
        int m = command.message();
        if (!drop.exists(m)) {
            return Reply.NO_SUCH_MESSAGE;
        }
        if (drop.marked(m)) {
            return Reply.alreadyDeleted(m);
        }
        drop.mark(m);
        return Reply.deleted(m);
    }
}
