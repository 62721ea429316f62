package armada.mailboat.spec;

import armada.spec.Op;
import armada.spec.Unit;
import java.util.List;

/**
 * The mail library's operations. A session is the POP3 connection (or, in a scenario, the
 * client thread) that holds a user's lock between Pickup and Unlock.
 */
public sealed interface MailOp<R> extends Op<R> {

    /** Delivers a message; false for an unknown user. */
    record Deliver(String user, String message) implements MailOp<Boolean> {
    }

    /** Takes the user's lock for {@code session} and returns the mailbox, sorted by id. */
    record Pickup(String user, int session) implements MailOp<List<Message>> {
    }

    /**
     * Deletes the {@code index}th message (from 0, in id order) of what the session's last Pickup
     * returned; the session must hold the lock. (The papers delete by id; an index says the same
     * thing in a scenario written before the ids are chosen.)
     */
    record Delete(String user, int session, int index) implements MailOp<Unit> {
    }

    /** Releases the user's lock held by {@code session}. */
    record Unlock(String user, int session) implements MailOp<Unit> {
    }

    /** Whether {@code user} has a mailbox. */
    record CheckUser(String user) implements MailOp<Boolean> {
    }
}
