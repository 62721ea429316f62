package armada.mailboat.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The abstract state: each user's mailbox (id to contents), the messages delivered whose id no
 * one has observed yet (see {@link MailSpec}), which session holds each user's lock, and which
 * ids that session's Pickup returned. Immutable, with its hash computed once: the refinement
 * checker compares and hashes states all the time.
 */
public final class MailState {

    /** A delivered message whose id is not chosen yet: any id not in {@code excluded} (in use when it was delivered). */
    record Unnamed(String contents, Set<String> excluded) implements Comparable<Unnamed> {
        Unnamed {
            excluded = Collections.unmodifiableSortedSet(new java.util.TreeSet<>(excluded));
        }

        @Override
        public int compareTo(Unnamed o) {
            int c = contents.compareTo(o.contents);
            return c != 0 ? c : excluded.toString().compareTo(o.excluded.toString());
        }

        @Override
        public String toString() {
            return "?:\"" + contents + "\"";
        }
    }

    private final Map<String, SortedMap<String, String>> boxes;
    private final Map<String, List<Unnamed>> unnamed;
    private final Map<String, Integer> locks;
    private final Map<String, List<String>> picked;
    private final int hash;

    MailState(Map<String, ? extends Map<String, String>> boxes, Map<String, List<Unnamed>> unnamed,
            Map<String, Integer> locks, Map<String, List<String>> picked) {
        Map<String, SortedMap<String, String>> b = new HashMap<>();
        boxes.forEach((u, box) -> b.put(u, Collections.unmodifiableSortedMap(new TreeMap<>(box))));
        Map<String, List<Unnamed>> n = new HashMap<>();
        unnamed.forEach((u, list) -> {
            if (!list.isEmpty()) {
                List<Unnamed> sorted = new ArrayList<>(list);
                Collections.sort(sorted);
                n.put(u, List.copyOf(sorted));
            }
        });
        this.boxes = Map.copyOf(b);
        this.unnamed = Map.copyOf(n);
        this.locks = Map.copyOf(locks);
        this.picked = Map.copyOf(picked);
        this.hash = Objects.hash(this.boxes, this.unnamed, this.locks, this.picked);
    }

    /** Whether {@code user} has a mailbox. */
    boolean hasBox(String user) {
        return boxes.containsKey(user);
    }

    Map<String, String> box(String user) {
        return boxes.getOrDefault(user, Collections.emptySortedMap());
    }

    List<Unnamed> unnamed(String user) {
        return unnamed.getOrDefault(user, List.of());
    }

    Map<String, Integer> locks() {
        return locks;
    }

    Map<String, List<String>> picked() {
        return picked;
    }

    /** The ids the lock holder's Pickup returned (none if no one holds the lock). */
    List<String> picked(String user) {
        return picked.getOrDefault(user, List.of());
    }

    MailState withBox(String user, Map<String, String> box) {
        Map<String, Map<String, String>> b = new HashMap<>(boxes);
        b.put(user, box);
        return new MailState(b, unnamed, locks, picked);
    }

    MailState withUnnamed(String user, List<Unnamed> list) {
        Map<String, List<Unnamed>> n = new HashMap<>(unnamed);
        n.put(user, list);
        return new MailState(boxes, n, locks, picked);
    }

    MailState locked(String user, int session, List<String> ids) {
        Map<String, Integer> l = new HashMap<>(locks);
        l.put(user, session);
        Map<String, List<String>> p = new HashMap<>(picked);
        p.put(user, List.copyOf(ids));
        return new MailState(boxes, unnamed, l, p);
    }

    MailState unlocked(String user) {
        Map<String, Integer> l = new HashMap<>(locks);
        l.remove(user);
        Map<String, List<String>> p = new HashMap<>(picked);
        p.remove(user);
        return new MailState(boxes, unnamed, l, p);
    }

    MailState crashed() {
        return new MailState(boxes, unnamed, Map.of(), Map.of());
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o == this || (o instanceof MailState s && s.hash == hash && s.boxes.equals(boxes)
                && s.unnamed.equals(unnamed) && s.locks.equals(locks) && s.picked.equals(picked));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (String u : new TreeMap<>(boxes).keySet()) {
            List<String> parts = new ArrayList<>();
            box(u).forEach((id, c) -> parts.add(id + ":\"" + c + "\""));
            unnamed(u).forEach(m -> parts.add(m.toString()));
            b.append(b.isEmpty() ? "" : " ").append(u).append('=').append(parts);
        }
        return b + (locks.isEmpty() ? "" : " locks " + new TreeMap<>(locks));
    }
}
