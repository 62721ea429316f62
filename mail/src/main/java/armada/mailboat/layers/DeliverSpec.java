package armada.mailboat.layers;

import armada.mailboat.layers.DeliverOp.CreateWriteTmp;
import armada.mailboat.layers.DeliverOp.DeleteMail;
import armada.mailboat.layers.DeliverOp.LinkTmp;
import armada.mailboat.layers.DeliverOp.ListMail;
import armada.mailboat.layers.DeliverOp.Lock;
import armada.mailboat.layers.DeliverOp.ReadMail;
import armada.mailboat.layers.DeliverOp.Unlock;
import armada.mailboat.layers.DeliverOp.UnlinkTmp;
import armada.spec.Op;
import armada.spec.Outcome;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.spec.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Deliver layer of CMAIL (CSPEC Fig. 7): for each user, the mailbox (id to contents), the
 * temporary directory as one file per process id, and the mailbox lock. What survives a crash:
 * the mailbox; the temporary files are gone (recovery removes them) and the lock is free. What
 * the layer shows is durable: a link or delete another process has seen is not undone by a crash.
 *
 * <p>A link takes a free id from {@code ids}: any of them, or with {@code firstFree} only the
 * first free one in list order, which is what an implementation that tries the names in a fixed
 * order does (Mailboat with a name space of one value: attempt 0, 1, ...). The bottom link
 * checks which of the two the implementation refines.
 *
 * <p>One spec object per user is one device of the simulated machine per user, so the search
 * sees calls on different users as independent: that is the per-user partition, sound because
 * calls on different users commute in the layer of several users (checked by mover claims in
 * {@code DeliverClaims.partitionClaims}, on the scenario {@code cmail/users-on-deliver}).
 */
public final class DeliverSpec implements Spec<DeliverSpec.State> {

    /** No process holds the lock. */
    public static final int FREE = -1;

    /**
     * One user's Maildir: the mailbox, the temporary files by process id, the lock's holder, and
     * {@code listed}, ghost state that no operation's result depends on: the ids the holder's
     * last ListMail returned since it took the lock (empty when the lock is free). It is what
     * makes the claim "a read of a listed message is a left mover" a property of the state the
     * read runs in (CSPEC section 8.1: reads of files that existed at the listing).
     */
    public record Box(Map<String, String> mail, Map<Integer, String> tmp, int locker, Set<String> listed) {
        public Box {
            mail = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(mail));
            tmp = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tmp));
            listed = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(listed));
        }

        Box withMail(Map<String, String> m) {
            Set<String> l = new java.util.TreeSet<>(listed);
            l.retainAll(m.keySet());
            return new Box(m, tmp, locker, l);
        }

        Box withTmp(Map<Integer, String> t) {
            return new Box(mail, t, locker, listed);
        }

        Box withLocker(int l) {
            return new Box(mail, tmp, l, Set.of());
        }

        Box withListed(Set<String> l) {
            return new Box(mail, tmp, locker, l);
        }

        @Override
        public String toString() {
            return "mail" + mail + " tmp" + tmp + (locker == FREE ? "" : " locked by p" + locker
                    + (listed.isEmpty() ? "" : " who listed " + listed));
        }
    }

    /** Every user's Maildir. */
    public record State(Map<String, Box> boxes) {
        public State {
            boxes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(boxes));
        }

        public Box box(String user) {
            Box b = boxes.get(user);
            if (b == null) {
                throw new IllegalArgumentException("no user " + user);
            }
            return b;
        }

        State with(String user, Box b) {
            Map<String, Box> m = new TreeMap<>(boxes);
            m.put(user, b);
            return new State(m);
        }

        @Override
        public String toString() {
            return boxes.size() == 1 ? boxes.values().iterator().next().toString() : boxes.toString();
        }
    }

    private final String name;
    private final List<String> users;
    private final List<String> ids;
    private final boolean firstFree;

    /**
     * @param name      the layer's name in reports
     * @param users     the users with a Maildir
     * @param ids       the ids a link may choose, in the order an implementation tries them
     * @param firstFree whether a link takes only the first free id (else any free one)
     */
    public DeliverSpec(String name, List<String> users, List<String> ids, boolean firstFree) {
        this.name = name;
        this.users = List.copyOf(users);
        this.ids = List.copyOf(ids);
        this.firstFree = firstFree;
    }

    public List<String> users() {
        return users;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public State initial() {
        Map<String, Box> m = new TreeMap<>();
        for (String u : users) {
            m.put(u, new Box(Map.of(), Map.of(), FREE, Set.of()));
        }
        return new State(m);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Outcomes<R, State> step(State s, Op<R> op) {
        DeliverOp<?> o = (DeliverOp<?>) op;
        if (!s.boxes().containsKey(o.user())) {
            return Outcomes.undefined();
        }
        String u = o.user();
        Box b = s.box(u);
        return (Outcomes<R, State>) switch (o) {
            case CreateWriteTmp(String x, int pid, String message) -> b.tmp().containsKey(pid) ? Outcomes.undefined()
                    : Outcomes.one(Unit.UNIT, s.with(u, b.withTmp(put(b.tmp(), pid, message))));
            case LinkTmp(String x, int pid) -> link(s, u, b, pid);
            case UnlinkTmp(String x, int pid) -> Outcomes.one(Unit.UNIT, s.with(u, b.withTmp(remove(b.tmp(), pid))));
            case Lock(String x, int pid) -> b.locker() == pid ? Outcomes.undefined()
                    : b.locker() != FREE ? Outcomes.of(List.of())
                    : Outcomes.one(Unit.UNIT, s.with(u, b.withLocker(pid)));
            case Unlock(String x, int pid) -> b.locker() != pid ? Outcomes.undefined()
                    : Outcomes.one(Unit.UNIT, s.with(u, b.withLocker(FREE)));
            case ListMail(String x, int pid) -> Outcomes.one(List.copyOf(b.mail().keySet()),
                    b.locker() == pid ? s.with(u, b.withListed(b.mail().keySet())) : s);
            case ReadMail(String x, String id) -> Outcomes.one(Optional.ofNullable(b.mail().get(id)), s);
            case DeleteMail(String x, int pid, String id) -> b.locker() != pid ? Outcomes.undefined()
                    : Outcomes.one(Unit.UNIT, s.with(u, b.withMail(remove(b.mail(), id))));
        };
    }

    private Outcomes<String, State> link(State s, String u, Box b, int pid) {
        String contents = b.tmp().get(pid);
        if (contents == null) {
            return Outcomes.undefined();
        }
        List<Outcome<String, State>> out = new ArrayList<>();
        for (String id : ids) {
            if (!b.mail().containsKey(id)) {
                out.add(new Outcome<>(id, s.with(u, b.withMail(put(b.mail(), id, contents)))));
                if (firstFree) {
                    break;
                }
            }
        }
        return Outcomes.of(out);
    }

    @Override
    public Set<State> crash(State s) {
        Map<String, Box> m = new TreeMap<>();
        s.boxes().forEach((u, b) -> m.put(u, new Box(b.mail(), Map.of(), FREE, Set.of())));
        return Set.of(new State(m));
    }

    private static <K, V> Map<K, V> put(Map<K, V> m, K k, V v) {
        Map<K, V> c = new TreeMap<>(m);
        c.put(k, v);
        return c;
    }

    private static <K, V> Map<K, V> remove(Map<K, V> m, K k) {
        Map<K, V> c = new TreeMap<>(m);
        c.remove(k);
        return c;
    }
}
