package armada.mailboat.pop3;

import java.io.IOException;
import java.util.OptionalInt;

/** TOP n k: the headers, the blank line and the first k body lines of message n, dot-stuffed. */
final class TopVerb implements Verb {

    @Override
    public Reply execute(Pop3Session session, Pop3Command command) throws IOException {
        OptionalInt lines = command.number(1);
        if (lines.isEmpty()) {
            return Reply.INVALID_NUMBER;
        }
        return MessageNumber.visible(session, command, 0,
                (drop, n) -> Reply.top(drop.visible(n).orElseThrow().contents(), lines.getAsInt()));
    }
}
