package armada.mailboat.pop3;

import java.io.IOException;

/** Resolves a message number against the maildrop before a verb acts on the message. */
final class MessageNumber {

    /** What a verb does with a message number that names a visible message. */
    interface Action {
        Reply apply(Maildrop drop, int n) throws IOException;
    }

    private MessageNumber() {
    }

    /** Runs {@code action} if message {@code n} exists and is not marked deleted; otherwise "no such message". */
    static Reply visible(Pop3Session session, int n, Action action) throws IOException {
        Maildrop drop = session.maildrop();
        return drop.visible(n) ? action.apply(drop, n) : Reply.NO_SUCH_MESSAGE;
    }
}
