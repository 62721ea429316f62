package armada.mailboat.check;

import armada.mailboat.Mailboat;
import armada.mailboat.StoredMessage;
import armada.mailboat.spec.MailOp;
import armada.mailboat.spec.Message;
import armada.spec.Op;
import armada.spec.Unit;
import armada.world.World;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the spec's operations on the library, as a server would: it remembers each session's
 * last Pickup so that Delete and Read can name a message by its index. The spec's id of a
 * message is its unique name ({@link Mailboat#uniqueName}), which a mail reader's move to
 * {@code cur/} keeps, so results are given by unique name, sorted; the library's own ids are
 * what Delete and Read get back. Test harness, not checked code: it only ever runs inside one
 * simulated thread at a time.
 */
final class MailClient {

    /** The most of a message Read asks for. */
    private static final int WHOLE = Integer.MAX_VALUE - 8;

    final Mailboat mail;
    private final World world;
    private final Map<Integer, List<String>> lastPickup = new HashMap<>();

    MailClient(World world, Mailboat mail) {
        this.world = world;
        this.mail = mail;
    }

    Object apply(Op<?> op) {
        return switch ((MailOp<?>) op) {
            case MailOp.Deliver(String u, String msg) -> mail.deliver(u, msg.getBytes(StandardCharsets.ISO_8859_1));
            case MailOp.Pickup(String u, int session) -> {
                List<StoredMessage> got = new ArrayList<>(mail.pickup(u));
                got.sort(Comparator.comparing((StoredMessage m) -> Mailboat.uniqueName(m.id())));
                List<Message> out = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                for (StoredMessage m : got) {
                    out.add(new Message(Mailboat.uniqueName(m.id()), new String(m.contents(), StandardCharsets.ISO_8859_1)));
                    ids.add(m.id());
                }
                lastPickup.put(session, ids);
                yield List.copyOf(out);
            }
            case MailOp.PickupIds(String u, int session) -> {
                List<String> ids = new ArrayList<>(mail.pickupIds(u));
                ids.sort(Comparator.comparing(Mailboat::uniqueName));
                lastPickup.put(session, List.copyOf(ids));
                yield ids.stream().map(Mailboat::uniqueName).toList();
            }
            case MailOp.Read(String u, int session, int index) -> {
                List<String> picked = lastPickup.getOrDefault(session, List.of());
                // Out of range the spec says undefined behaviour: nothing is asked of the library.
                yield index >= 0 && index < picked.size()
                        ? new String(mail.read(u, picked.get(index), 0, WHOLE), StandardCharsets.ISO_8859_1)
                        : "";
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
            case MailOp.CreateUser(String u) -> mail.createUser(u);
            case MailOp.Reader(String u) -> {
                MaildirReader.moveAndFlag(world.fileSystem(), mail.home(u));
                yield Unit.UNIT;
            }
        };
    }
}
