package armada.mailboat.pop3;

import java.io.IOException;

/** TOP n k: the headers, the blank line and the first k body lines of message n, dot-stuffed; only those are read. */
final class TopVerb implements Verb<Pop3Command.Top> {

    @Override
    public Reply execute(Pop3Session session, Pop3Command.Top command) throws IOException {
        return MessageNumber.visible(session, command.message(),
                (drop, n) -> Reply.top(session.source(drop.id(n)), command.lines()));
    }
}
