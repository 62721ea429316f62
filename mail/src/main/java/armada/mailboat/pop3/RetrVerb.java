package armada.mailboat.pop3;

import java.io.IOException;

/** RETR n: the whole message, read from disk as it is sent, CRLF lines, dot-stuffed, after {@code +OK <size> octets}. */
final class RetrVerb implements Verb<Pop3Command.Retr> {

    @Override
    public Reply execute(Pop3Session session, Pop3Command.Retr command) throws IOException {
        return MessageNumber.visible(session, command.message(),
                (drop, n) -> Reply.message(drop.size(n), session.source(drop.id(n))));
    }
}
