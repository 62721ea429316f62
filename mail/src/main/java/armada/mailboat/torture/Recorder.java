package armada.mailboat.torture;

import armada.history.History;
import armada.history.HistoryBuilder;
import armada.history.RecordedEvent;
import armada.mailboat.spec.MailOp;
import armada.mailboat.spec.Message;
import armada.spec.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * The history of a torture run as its clients saw it, in real-time order (events are recorded
 * under one lock, in the order they happened to the recording threads): each SMTP sender's
 * Deliver from the end of its DATA to the 250 (or the failure, or the give-up when the connection
 * died), the final POP3 session's Pickup and Unlock, and a crash at each kill and a recovery at
 * each restart.
 *
 * <p>A kill is recorded only after every sender has stopped, so a 250 the server sent before it
 * died, read late, is still recorded before the crash; a Deliver whose connection died is given
 * up on ({@code info}), and the crash then cuts it off: it may have landed before the recovery,
 * or not.
 */
final class Recorder {

    private final List<RecordedEvent> events = new ArrayList<>();
    private int clients;
    private int deliveries;

    /** A new client number, one per sender per round and one for the final POP3 session. */
    synchronized int client() {
        return clients++;
    }

    synchronized void deliver(int client, String message) {
        deliveries++;
        events.add(new RecordedEvent.Invoke(client, new MailOp.Deliver(Torture.USER, message)));
    }

    synchronized void delivered(int client) {
        events.add(new RecordedEvent.Ok(client, true));
    }

    /** The server refused the message after DATA: it was not delivered. */
    synchronized void refused(int client) {
        events.add(new RecordedEvent.Fail(client));
    }

    /** The connection died before the reply: the message may or may not have been delivered. */
    synchronized void gaveUp(int client) {
        events.add(new RecordedEvent.Indeterminate(client));
    }

    synchronized void pickup(int client, int session) {
        events.add(new RecordedEvent.Invoke(client, new MailOp.Pickup(Torture.USER, session)));
    }

    synchronized void pickedUp(int client, List<Message> messages) {
        events.add(new RecordedEvent.Ok(client, List.copyOf(messages)));
    }

    synchronized void unlock(int client, int session) {
        events.add(new RecordedEvent.Invoke(client, new MailOp.Unlock(Torture.USER, session)));
    }

    synchronized void unlocked(int client) {
        events.add(new RecordedEvent.Ok(client, Unit.UNIT));
    }

    synchronized void crash() {
        events.add(new RecordedEvent.Crash());
    }

    synchronized void recovered() {
        events.add(new RecordedEvent.Recovered());
    }

    /** Deliveries invoked so far. */
    synchronized int deliveries() {
        return deliveries;
    }

    synchronized History history() {
        HistoryBuilder b = new HistoryBuilder();
        for (RecordedEvent e : events) {
            b.add(e);
        }
        return b.build();
    }
}
