package armada.mailboat.check;

import armada.mailboat.Mailboat;
import armada.mailboat.StoredMessage;
import armada.mailboat.spec.MailOp;
import armada.mailboat.spec.Message;
import armada.spec.Op;
import armada.spec.Unit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the spec's operations on the library, as a server would: it remembers each session's
 * last Pickup so that Delete can name a message by its index. Test harness, not checked code:
 * it only ever runs inside one simulated thread at a time.
 */
final class MailClient {

    final Mailboat mail;
    private final Map<Integer, List<String>> lastPickup = new HashMap<>();

    MailClient(Mailboat mail) {
        this.mail = mail;
    }

    Object apply(Op<?> op) {
        return switch ((MailOp<?>) op) {
            case MailOp.Deliver(String u, String msg) -> mail.deliver(u, msg.getBytes(StandardCharsets.ISO_8859_1));
            case MailOp.Pickup(String u, int session) -> {
                List<Message> out = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                for (StoredMessage m : mail.pickup(u)) {
                    out.add(new Message(m.id(), new String(m.contents(), StandardCharsets.ISO_8859_1)));
                    ids.add(m.id());
                }
                lastPickup.put(session, ids);
                yield List.copyOf(out);
            }
            case MailOp.Delete(String u, int session, int index) -> {
                List<String> picked = lastPickup.getOrDefault(session, List.of());
                if (index >= 0 && index < picked.size()) {
                    mail.delete(u, picked.get(index));
                }
                // Otherwise the spec says undefined behaviour, and whatever happens is accepted.
                yield Unit.UNIT;
            }
            case MailOp.Unlock(String u, int session) -> {
                mail.unlock(u);
                lastPickup.remove(session);
                yield Unit.UNIT;
            }
            case MailOp.CheckUser(String u) -> mail.checkUser(u);
        };
    }
}
