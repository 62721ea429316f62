package armada.mailboat.pop3;

/** STAT: the number of messages not marked deleted and their size in octets (CRLF form). */
final class StatVerb implements Verb<Pop3Command.Stat> {

    @Override
    public Reply execute(Pop3Session session, Pop3Command.Stat command) {
        Maildrop drop = session.maildrop();
        return Reply.stat(drop.count(), drop.size());
    }
}
