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
 * The mail spec as the papers write it, for reference: Deliver chooses the message's id at once,
 * among the ids not in use. {@link MailSpec} chooses it when a Pickup first observes it; the two
 * must accept exactly the same histories.
 */
final class EagerMailSpec extends TransitionSpec<EagerMailSpec.State> {

    /** Mailbox (id to contents), lock holder, and the ids the holder's Pickup returned. */
    record State(Map<String, String> box, Integer lock, List<String> picked) {
        State {
            box = Map.copyOf(box);
            picked = List.copyOf(picked);
        }
    }

    private final String user;
    private final List<String> ids;

    EagerMailSpec(String user, List<String> ids) {
        this.user = user;
        this.ids = List.copyOf(ids);
    }

    @Override
    public String name() {
        return "mail, ids chosen at Deliver";
    }

    @Override
    public State initial() {
        return new State(Map.of(), -1, List.of());
    }

    @Override
    protected Transition<State, Unit> crashTransition() {
        return modify(s -> new State(s.box(), -1, List.of()));
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <R> Transition<State, R> transition(Op<R> op) {
        return (Transition<State, R>) switch ((MailOp<?>) op) {
            case Deliver(String u, String msg) -> !u.equals(user) ? ret(false) : this.<State>gets(s -> s).then(s -> {
                List<String> fresh = new ArrayList<>();
                for (String id : ids) {
                    if (!s.box().containsKey(id)) {
                        fresh.add(id);
                    }
                }
                return this.<String>choose(fresh).then(id -> modify(st -> {
                    Map<String, String> b = new HashMap<>(st.box());
                    b.put(id, msg);
                    return new State(b, st.lock(), st.picked());
                })).then(x -> ret(true));
            });
            case Pickup(String u, int session) -> this.<State>gets(s -> s).then(s -> {
                if (!u.equals(user) || s.lock() == session) {
                    return undefined();
                }
                if (s.lock() >= 0) {
                    return choose(List.of());
                }
                List<Message> out = new ArrayList<>();
                new TreeMap<>(s.box()).forEach((id, c) -> out.add(new Message(id, c)));
                return modify(st -> new State(st.box(), session, List.copyOf(new TreeMap<>(st.box()).keySet())))
                        .then(x -> ret(List.copyOf(out)));
            });
            case Delete(String u, int session, int index) -> this.<State>gets(s -> s).then(s ->
                    s.lock() == session && index >= 0 && index < s.picked().size()
                            ? modify(st -> {
                                Map<String, String> b = new HashMap<>(st.box());
                                b.remove(s.picked().get(index));
                                return new State(b, st.lock(), st.picked());
                            })
                            : undefined());
            case Unlock(String u, int session) -> this.<State>gets(s -> s).then(s -> s.lock() == session
                    ? modify(st -> new State(st.box(), -1, List.of())) : this.<Unit>undefined());
            case CheckUser(String u) -> ret(u.equals(user));
            // Not in the papers' operations: the comparison never draws them.
            case MailOp.CreateUser c -> undefined();
            case MailOp.PickupIds p -> undefined();
            case MailOp.Read r -> undefined();
            case MailOp.Reader r -> undefined();
        };
    }

    Set<String> users() {
        return Set.of(user);
    }
}
