package armada.mailboat.spec;

import armada.mailboat.UserNames;
import armada.mailboat.spec.MailOp.CheckUser;
import armada.mailboat.spec.MailOp.CreateUser;
import armada.mailboat.spec.MailOp.Delete;
import armada.mailboat.spec.MailOp.Deliver;
import armada.mailboat.spec.MailOp.Pickup;
import armada.mailboat.spec.MailOp.PickupIds;
import armada.mailboat.spec.MailOp.Read;
import armada.mailboat.spec.MailOp.Reader;
import armada.mailboat.spec.MailOp.Unlock;
import armada.spec.Op;
import armada.spec.Outcomes;
import armada.spec.Transition;
import armada.spec.TransitionSpec;
import armada.spec.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The mail library's spec, after CMAIL's Figure 3 and Mailboat's API. Deliver adds the message
 * under some id not in use (any of {@code ids}, the names an implementation may choose) and
 * returns true, or returns false for an unknown user. Pickup waits until no other session holds
 * the user's lock, takes it and returns the mailbox. Delete and Unlock need the lock; deleting a
 * message the session's last Pickup did not return, or using a lock one does not hold, is
 * undefined behaviour, as in the papers. A crash releases every lock and keeps every delivered message.
 *
 * <p>Users: those given to the constructor have a mailbox from the start; CreateUser gives a
 * valid name an empty mailbox, at once and for good (a crash keeps it), so Deliver to that user
 * returns true only after a CreateUser took effect. Pickup of a user with no mailbox returns
 * nothing and takes no lock, and Unlock of one does nothing. PickupIds is Pickup without the
 * contents and Read returns one picked message's contents; a Reader (a mail client moving and
 * flagging files) changes nothing here, because a message's id is its unique name, which such
 * a move keeps.
 *
 * <p><b>Ids are chosen when first observed.</b> Deliver's choice of an id is invisible until a
 * Pickup returns it, so choosing it at once would multiply the checker's configurations by every
 * assignment of ids to messages no one has seen. Instead Deliver records the message as
 * <em>unnamed</em>, with the set of ids in use at that moment (which it could not have taken),
 * and the first Pickup of the mailbox chooses the ids of all its unnamed messages: each a
 * different id, none in use, none in its message's excluded set. This allows exactly the
 * behaviours of choosing at Deliver: an id free at Deliver that is still free at Pickup could
 * have been chosen then (a message named in between took a different id, which the distinctness
 * rule keeps), and an id in use at Deliver is excluded. Deliver also checks that all unnamed
 * messages can still be given distinct ids (else it is blocked, as when no id is free), so a
 * history with no Pickup is judged the same way too. {@code MailSpecLazyIdsTest} checks this
 * against a spec that chooses at Deliver, with the brute-force reference checker.
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
        return new MailState(boxes, Map.of(), Map.of(), Map.of());
    }

    @Override
    protected Transition<MailState, Unit> crashTransition() {
        return modify(MailState::crashed);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <R> Transition<MailState, R> transition(Op<R> op) {
        return (Transition<MailState, R>) switch ((MailOp<?>) op) {
            case Deliver(String u, String msg) -> this.<MailState>gets(s -> s)
                    .then(s -> s.hasBox(u) ? deliver(u, msg) : ret(false));
            case Pickup(String u, int session) -> pickup(u, session, true);
            case PickupIds(String u, int session) -> pickup(u, session, false);
            case Read(String u, int session, int index) -> this.<MailState>gets(s -> s)
                    .then(s -> holds(s, u, session) && index >= 0 && index < s.picked(u).size()
                            ? ret(s.box(u).getOrDefault(s.picked(u).get(index), ""))
                            : this.<String>undefined());
            case Reader(String u) -> ret(Unit.UNIT);
            case CreateUser(String u) -> !UserNames.valid(u) ? ret(false) : this.<MailState>gets(s -> s)
                    .then(s -> s.hasBox(u) ? ret(true)
                            : modify(st -> st.withBox(u, Map.of())).then(x -> ret(true)));
            case Delete(String u, int session, int index) -> this.<MailState>gets(s -> s)
                    .then(s -> holds(s, u, session) && index >= 0 && index < s.picked(u).size()
                            ? modify(st -> st.withBox(u, without(st.box(u), s.picked(u).get(index))))
                            : undefined());
            case Unlock(String u, int session) -> this.<MailState>gets(s -> s)
                    .then(s -> !s.hasBox(u) ? ret(Unit.UNIT)
                            : holds(s, u, session) ? modify(st -> st.unlocked(u)) : this.<Unit>undefined());
            case CheckUser(String u) -> this.<MailState>gets(s -> s).then(s -> ret(s.hasBox(u)));
        };
    }

    /**
     * A Pickup whose result is known names its unnamed messages after that result directly (at
     * most one outcome) instead of listing every way to name them; other operations filter.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <R> Outcomes<R, MailState> stepReturning(MailState s, Op<R> op, @Nullable Object result) {
        if (!(op instanceof Pickup(String u, int session)) || !s.hasBox(u)
                || Integer.valueOf(session).equals(s.locks().get(u)) || s.locks().containsKey(u)
                || !(result instanceof List<?> observed)) {
            return super.stepReturning(s, op, result);
        }
        Map<String, String> box = new TreeMap<>();
        List<String> order = new ArrayList<>();
        for (Object o : observed) {
            if (!(o instanceof Message m) || box.put(m.id(), m.contents()) != null) {
                return Outcomes.of(List.of());
            }
            order.add(m.id());
        }
        if (!order.equals(new ArrayList<>(box.keySet()))) {
            return Outcomes.of(List.of());
        }
        List<Message> fresh = new ArrayList<>();
        for (Map.Entry<String, String> named : s.box(u).entrySet()) {
            if (!named.getValue().equals(box.get(named.getKey()))) {
                return Outcomes.of(List.of());
            }
        }
        box.forEach((id, contents) -> {
            if (!s.box(u).containsKey(id)) {
                fresh.add(new Message(id, contents));
            }
        });
        if (!matches(fresh, new ArrayList<>(s.unnamed(u)))) {
            return Outcomes.of(List.of());
        }
        MailState next = s.withBox(u, box).withUnnamed(u, List.of()).locked(u, session, List.copyOf(box.keySet()));
        return (Outcomes<R, MailState>) Outcomes.one(List.copyOf((List<Message>) observed), next);
    }

    /**
     * A Pickup cut off by a crash names nothing: no one saw the names it would have returned, so
     * its messages stay unnamed (a later Pickup names them, as it would have had to anyway). It
     * still takes the lock until the crash releases it; its session is dead, so what it picked
     * never matters.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <R> Outcomes<R, MailState> stepUnobserved(MailState s, Op<R> op) {
        String u;
        int session;
        if (op instanceof Pickup(String pu, int ps)) {
            u = pu;
            session = ps;
        } else if (op instanceof PickupIds(String pu, int ps)) {
            u = pu;
            session = ps;
        } else {
            return step(s, op);
        }
        if (!s.hasBox(u) || Integer.valueOf(session).equals(s.locks().get(u)) || s.locks().containsKey(u)) {
            return step(s, op);
        }
        return (Outcomes<R, MailState>) Outcomes.one(List.of(),
                s.locked(u, session, List.copyOf(s.box(u).keySet())));
    }

    /** Whether each fresh message can be one unnamed message of the same contents that may take its id. */
    private boolean matches(List<Message> fresh, List<MailState.Unnamed> unnamed) {
        if (fresh.size() != unnamed.size()) {
            return false;
        }
        if (fresh.isEmpty()) {
            return true;
        }
        Message m = fresh.getLast();
        for (int i = 0; i < unnamed.size(); i++) {
            MailState.Unnamed candidate = unnamed.get(i);
            if (ids.contains(m.id()) && candidate.contents().equals(m.contents())
                    && !candidate.excluded().contains(m.id())) {
                List<Message> restFresh = new ArrayList<>(fresh.subList(0, fresh.size() - 1));
                List<MailState.Unnamed> restUnnamed = new ArrayList<>(unnamed);
                restUnnamed.remove(i);
                if (matches(restFresh, restUnnamed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Transition<MailState, Boolean> deliver(String u, String msg) {
        return this.<MailState>gets(s -> s).then(s -> {
            List<MailState.Unnamed> pending = new ArrayList<>(s.unnamed(u));
            pending.add(new MailState.Unnamed(msg, s.box(u).keySet()));
            if (assignments(s.box(u).keySet(), pending, 1).isEmpty()) {
                return this.<Boolean>choose(List.of());
            }
            return modify(st -> st.withUnnamed(u, pending)).then(x -> ret(true));
        });
    }

    /** Pickup, with the messages' contents or ({@code contents} false) only their ids. */
    private Transition<MailState, List<?>> pickup(String u, int session, boolean contents) {
        return this.<MailState>gets(s -> s).then(s -> {
            if (!s.hasBox(u)) {
                return ret(List.of());
            }
            if (Integer.valueOf(session).equals(s.locks().get(u))) {
                return undefined();
            }
            if (s.locks().containsKey(u)) {
                return choose(List.of());
            }
            List<MailState.Unnamed> pending = s.unnamed(u);
            List<Map<String, String>> boxes = new ArrayList<>();
            for (List<String> names : assignments(s.box(u).keySet(), pending, Integer.MAX_VALUE)) {
                Map<String, String> box = new TreeMap<>(s.box(u));
                for (int i = 0; i < names.size(); i++) {
                    box.put(names.get(i), pending.get(i).contents());
                }
                boxes.add(box);
            }
            return this.<Map<String, String>>choose(boxes).then(box -> {
                List<Object> out = new ArrayList<>();
                box.forEach((id, c) -> out.add(contents ? new Message(id, c) : id));
                return modify(st -> st.withBox(u, box).withUnnamed(u, List.of())
                        .locked(u, session, List.copyOf(box.keySet()))).then(x -> ret(List.copyOf(out)));
            });
        });
    }

    /**
     * Up to {@code limit} ways to give each of {@code pending} its own id: not in {@code inUse},
     * not in its excluded set, all different (one list of ids per way, in the order of {@code pending}).
     */
    private List<List<String>> assignments(Set<String> inUse, List<MailState.Unnamed> pending, int limit) {
        List<List<String>> out = new ArrayList<>();
        assign(inUse, pending, new ArrayList<>(), out, limit);
        return out;
    }

    private void assign(Set<String> inUse, List<MailState.Unnamed> pending, List<String> chosen,
            List<List<String>> out, int limit) {
        if (out.size() >= limit) {
            return;
        }
        if (chosen.size() == pending.size()) {
            out.add(List.copyOf(chosen));
            return;
        }
        MailState.Unnamed next = pending.get(chosen.size());
        for (String id : ids) {
            if (!inUse.contains(id) && !next.excluded().contains(id) && !chosen.contains(id)) {
                chosen.add(id);
                assign(inUse, pending, chosen, out, limit);
                chosen.removeLast();
            }
        }
    }

    private static boolean holds(MailState s, String u, int session) {
        return Integer.valueOf(session).equals(s.locks().get(u));
    }

    private static Map<String, String> without(Map<String, String> box, String id) {
        Map<String, String> m = new TreeMap<>(box);
        m.remove(id);
        return m;
    }
}
