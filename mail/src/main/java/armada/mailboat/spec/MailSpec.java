package armada.mailboat.spec;

import armada.mailboat.spec.MailOp.CheckUser;
import armada.mailboat.spec.MailOp.Delete;
import armada.mailboat.spec.MailOp.Deliver;
import armada.mailboat.spec.MailOp.Pickup;
import armada.mailboat.spec.MailOp.Unlock;
import armada.spec.Op;
import armada.spec.Transition;
import armada.spec.TransitionSpec;
import armada.spec.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The mail library's spec, after CMAIL's Figure 3 and Mailboat's API. Deliver adds the message
 * under some id not in use (any of {@code ids}, the names an implementation may choose) and
 * returns true, or returns false for an unknown user. Pickup waits until no other session holds
 * the user's lock, takes it and returns the mailbox. Delete and Unlock need the lock; deleting a
 * message the session's last Pickup did not return, or using a lock one does not hold, is
 * undefined behaviour, as in the papers. A crash releases every lock and keeps every delivered message.
 */
public final class MailSpec extends TransitionSpec<MailState> {

    private final Set<String> users;
    private final List<String> ids;

    /**
     * @param users the users with a mailbox
     * @param ids every message id the implementation may choose (in a checked scenario, every
     *     name its explored randomness can produce)
     */
    public MailSpec(Set<String> users, List<String> ids) {
        this.users = Set.copyOf(users);
        this.ids = List.copyOf(ids);
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public MailState initial() {
        Map<String, Map<String, String>> boxes = new HashMap<>();
        for (String u : users) {
            boxes.put(u, Map.of());
        }
        return new MailState(boxes, Map.of(), Map.of());
    }

    @Override
    protected Transition<MailState, Unit> crashTransition() {
        return modify(MailState::crashed);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <R> Transition<MailState, R> transition(Op<R> op) {
        return (Transition<MailState, R>) switch ((MailOp<?>) op) {
            case Deliver(String u, String msg) -> users.contains(u) ? deliver(u, msg) : ret(false);
            case Pickup(String u, int session) -> pickup(u, session);
            case Delete(String u, int session, int index) -> this.<MailState>gets(s -> s)
                    .then(s -> holds(s, u, session) && index >= 0 && index < s.picked(u).size()
                            ? modify(st -> st.withBox(u, without(st.box(u), s.picked(u).get(index))))
                            : undefined());
            case Unlock(String u, int session) -> this.<MailState>gets(s -> s)
                    .then(s -> holds(s, u, session) ? modify(st -> st.unlocked(u)) : this.<Unit>undefined());
            case CheckUser(String u) -> ret(users.contains(u));
        };
    }

    private Transition<MailState, Boolean> deliver(String u, String msg) {
        return this.<MailState>gets(s -> s).then(s -> {
            List<String> fresh = new ArrayList<>();
            for (String id : ids) {
                if (!s.box(u).containsKey(id)) {
                    fresh.add(id);
                }
            }
            return this.<String>choose(fresh).then(id -> modify(st -> st.withBox(u, with(st.box(u), id, msg))))
                    .then(x -> ret(true));
        });
    }

    private Transition<MailState, List<Message>> pickup(String u, int session) {
        return this.<MailState>gets(s -> s).then(s -> {
            if (!users.contains(u) || Integer.valueOf(session).equals(s.locks().get(u))) {
                return undefined();
            }
            if (s.locks().containsKey(u)) {
                return choose(List.of());
            }
            List<Message> box = new ArrayList<>();
            s.box(u).forEach((id, contents) -> box.add(new Message(id, contents)));
            return modify(st -> st.locked(u, session, List.copyOf(s.box(u).keySet()))).then(x -> ret(List.copyOf(box)));
        });
    }

    private static boolean holds(MailState s, String u, int session) {
        return Integer.valueOf(session).equals(s.locks().get(u));
    }

    private static Map<String, String> with(Map<String, String> box, String id, String msg) {
        Map<String, String> m = new TreeMap<>(box);
        m.put(id, msg);
        return m;
    }

    private static Map<String, String> without(Map<String, String> box, String id) {
        Map<String, String> m = new TreeMap<>(box);
        m.remove(id);
        return m;
    }
}
