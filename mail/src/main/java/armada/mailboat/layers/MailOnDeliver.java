package armada.mailboat.layers;

import armada.mailboat.spec.MailOp;
import armada.mailboat.spec.Message;
import armada.spec.Op;
import armada.spec.Unit;
import armada.world.LowerLayer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mail operations (Mailboat's spec, {@code MailSpec}) implemented on the Deliver layer, as
 * CMAIL implements them (CSPEC Fig. 8 and section 8.1). Deliver: create and write the caller's
 * temporary file (a right mover), link it into the mailbox (the commit point), unlink the
 * temporary file (a left mover). Pickup: take the user's lock (a right mover), list the mailbox
 * (the commit point), read each listed message (left movers while the lock is held), then
 * Unlock (a left mover). Delete needs the lock, which the session's Pickup took.
 *
 * <p>Each user's Maildir is reached through its own lower layer ({@link #on}): one layer per
 * user is the per-user partition, one layer for all of them is the same code unpartitioned.
 * Each session's last Pickup is remembered (as Mailboat's server does) so that Delete can name a
 * message by its index; only one simulated thread runs at a time.
 */
public class MailOnDeliver {

    private final Map<String, LowerLayer<DeliverSpec.State>> byUser;
    private final Map<Integer, List<String>> lastPickup = new HashMap<>();

    protected MailOnDeliver(Map<String, LowerLayer<DeliverSpec.State>> byUser) {
        this.byUser = Map.copyOf(byUser);
    }

    /** The mail operations over the Deliver layer of each user (the users with a mailbox). */
    public static MailOnDeliver on(Map<String, LowerLayer<DeliverSpec.State>> byUser) {
        return new MailOnDeliver(byUser);
    }

    /** Runs one mail operation; the driver of the checked scenarios. */
    public static Object apply(MailOnDeliver m, Op<?> op) {
        return m.run((MailOp<?>) op);
    }

    private Object run(MailOp<?> op) {
        return switch (op) {
            case MailOp.Deliver(String u, String msg) -> deliver(u, msg);
            case MailOp.Pickup(String u, int session) -> pickup(u, session);
            case MailOp.Delete(String u, int session, int index) -> {
                LowerLayer<DeliverSpec.State> l = byUser.get(u);
                List<String> picked = lastPickup.getOrDefault(session, List.of());
                // Out of range the spec says undefined behaviour: nothing is asked of the layer.
                if (l != null && index >= 0 && index < picked.size()) {
                    l.call(new DeliverOp.DeleteMail(u, l.pid(), picked.get(index)));
                }
                yield Unit.UNIT;
            }
            case MailOp.Unlock(String u, int session) -> {
                LowerLayer<DeliverSpec.State> l = byUser.get(u);
                if (l != null) {
                    unlock(l, u);
                }
                lastPickup.remove(session);
                yield Unit.UNIT;
            }
            case MailOp.CheckUser(String u) -> byUser.containsKey(u);
            // The Deliver layer has no user creation or mail reader: scenarios on it use the operations above.
            default -> throw new UnsupportedOperationException(op + " is not implemented on the Deliver layer"
                    + " (Deliver, Pickup, Delete, Unlock and CheckUser are)");
        };
    }

    /** CSPEC Fig. 8's deliver: create and write the temporary file, link it (the commit), unlink it. */
    protected boolean deliver(String u, String msg) {
        LowerLayer<DeliverSpec.State> l = byUser.get(u);
        if (l == null) {
            return false;
        }
        int me = l.pid();
        l.call(new DeliverOp.CreateWriteTmp(u, me, msg));
        l.call(new DeliverOp.LinkTmp(u, me));
        l.call(new DeliverOp.UnlinkTmp(u, me));
        return true;
    }

    private List<Message> pickup(String u, int session) {
        LowerLayer<DeliverSpec.State> l = byUser.get(u);
        if (l == null) {
            return List.of();
        }
        lock(l, u);
        List<String> ids = l.call(new DeliverOp.ListMail(u, l.pid()));
        List<Message> out = new ArrayList<>();
        List<String> picked = new ArrayList<>();
        for (String id : ids) {
            Optional<String> contents = l.call(new DeliverOp.ReadMail(u, id));
            // Under the lock no one deletes a listed message; one gone (a broken variant) is skipped.
            if (contents.isPresent()) {
                out.add(new Message(id, contents.get()));
                picked.add(id);
            }
        }
        lastPickup.put(session, List.copyOf(picked));
        return List.copyOf(out);
    }

    /** Takes the user's lock for the caller. */
    protected void lock(LowerLayer<DeliverSpec.State> l, String u) {
        l.call(new DeliverOp.Lock(u, l.pid()));
    }

    /** Releases the user's lock the caller holds. */
    protected void unlock(LowerLayer<DeliverSpec.State> l, String u) {
        l.call(new DeliverOp.Unlock(u, l.pid()));
    }
}
