package armada.mailboat.pop3;

import java.io.IOException;
import java.util.OptionalInt;

/** Resolves a message-number argument against the maildrop before a verb acts on the message. */
final class MessageNumber {

    /** What a verb does with a message number that names a visible message. */
    interface Action {
        Reply apply(Maildrop drop, int n) throws IOException;
    }

    private MessageNumber() {
    }

    /**
     * Runs {@code action} if argument {@code index} is a number naming a message that exists and
     * is not marked deleted; otherwise "invalid number" or "no such message".
     */
    static Reply visible(Pop3Session session, Pop3Command command, int index, Action action) throws IOException {
        OptionalInt n = command.number(index);
        if (n.isEmpty()) {
            return Reply.INVALID_NUMBER;
        }
        Maildrop drop = session.maildrop();
        return drop.visible(n.getAsInt()).isPresent() ? action.apply(drop, n.getAsInt()) : Reply.NO_SUCH_MESSAGE;
    }
}
