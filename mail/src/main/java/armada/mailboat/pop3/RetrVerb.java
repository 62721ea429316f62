package armada.mailboat.pop3;

import java.io.IOException;

/** RETR n: the whole message, dot-stuffed, after {@code +OK <size> octets}. */
final class RetrVerb implements Verb {

    @Override
    public Reply execute(Pop3Session session, Pop3Command command) throws IOException {
        return MessageNumber.visible(session, command, 0,
                (drop, n) -> Reply.message(drop.size(n), drop.visible(n).orElseThrow().contents()));
    }
}
