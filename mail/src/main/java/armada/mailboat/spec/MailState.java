package armada.mailboat.spec;

import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The abstract state: each user's mailbox (id to contents), which session holds each user's
 * lock, and which ids that session's Pickup returned. Immutable.
 */
public record MailState(Map<String, Map<String, String>> boxes, Map<String, Integer> locks,
        Map<String, List<String>> picked) {

    public MailState {
        Map<String, Map<String, String>> copy = new HashMap<>();
        boxes.forEach((u, box) -> copy.put(u, java.util.Collections.unmodifiableSortedMap(new TreeMap<>(box))));
        boxes = Map.copyOf(copy);
        locks = Map.copyOf(locks);
        picked = Map.copyOf(picked);
    }

    Map<String, String> box(String user) {
        return boxes.getOrDefault(user, Map.of());
    }

    /** The ids {@code user}'s lock holder picked up: locks and picked always have the same keys. */
    List<String> picked(String user) {
        return Objects.requireNonNull(picked.get(user));
    }

    MailState withBox(String user, Map<String, String> box) {
        Map<String, Map<String, String>> b = new HashMap<>(boxes);
        b.put(user, box);
        return new MailState(b, locks, picked);
    }

    MailState locked(String user, int session, List<String> ids) {
        Map<String, Integer> l = new HashMap<>(locks);
        l.put(user, session);
        Map<String, List<String>> p = new HashMap<>(picked);
        p.put(user, List.copyOf(ids));
        return new MailState(boxes, l, p);
    }

    MailState unlocked(String user) {
        Map<String, Integer> l = new HashMap<>(locks);
        l.remove(user);
        Map<String, List<String>> p = new HashMap<>(picked);
        p.remove(user);
        return new MailState(boxes, l, p);
    }

    MailState crashed() {
        return new MailState(boxes, Map.of(), Map.of());
    }

    @Override
    public String toString() {
        return new TreeMap<>(boxes) + (locks.isEmpty() ? "" : " locks " + new TreeMap<>(locks));
    }
}
