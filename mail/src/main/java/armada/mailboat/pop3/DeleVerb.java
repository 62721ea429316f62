package armada.mailboat.pop3;

import java.util.OptionalInt;

/** DELE n: marks message n; it is deleted at QUIT, and RSET or a lost connection unmarks it. */
final class DeleVerb implements Verb {

    @Override
    public Reply execute(Pop3Session session, Pop3Command command) {
        OptionalInt n = command.number(0);
        if (n.isEmpty()) {
            return Reply.INVALID_NUMBER;
        }
        Maildrop drop = session.maildrop();
        int m = n.getAsInt();
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
