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

    /**
     * Takes the user's lock for {@code session} and returns the mailbox, sorted by id; a user
     * with no mailbox gets an empty list and takes no lock.
     */
    record Pickup(String user, int session) implements MailOp<List<Message>> {
    }

    /**
     * Deletes the {@code index}th message (from 0, in id order) of what the session's last Pickup
     * returned; the session must hold the lock. (The papers delete by id; an index says the same
     * thing in a scenario written before the ids are chosen.)
     */
    record Delete(String user, int session, int index) implements MailOp<Unit> {
    }

    /** Releases the user's lock held by {@code session}; nothing for a user with no mailbox. */
    record Unlock(String user, int session) implements MailOp<Unit> {
    }

    /** Whether {@code user} has a mailbox. */
    record CheckUser(String user) implements MailOp<Boolean> {
    }

    /**
     * Gives {@code user} an empty mailbox if they have none; true once they have one, false for
     * a name that cannot be a user.
     */
    record CreateUser(String user) implements MailOp<Boolean> {
    }

    /** Pickup without the contents: takes the lock and returns the ids, sorted. */
    record PickupIds(String user, int session) implements MailOp<List<String>> {
    }

    /**
     * The contents of the {@code index}th message of what the session's last Pickup returned
     * (empty if the session deleted it since); the session must hold the lock.
     */
    record Read(String user, int session, int index) implements MailOp<String> {
    }

    /**
     * A Maildir reader (a mail client on the same files) moves the user's messages from
     * {@code new/} to {@code cur/} and changes their flags. It takes no lock and changes no
     * mailbox: a message keeps its unique name, which is its id.
     */
    record Reader(String user) implements MailOp<Unit> {
    }
}
