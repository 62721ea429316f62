package armada.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks many histories against one spec, each from the longest prefix it shares with the
 * previous one. The executions of an exhaustive search share long prefixes of their histories
 * (a depth-first search changes a late choice and replays the rest), so this keeps the session
 * after each event of the previous history and goes on from the last shared one. A session's
 * state depends on nothing but the events it accepted, so every verdict is the one
 * {@link RefinementChecker#check} gives for the whole history. Events are compared with
 * {@code equals}; results without value equality (arrays) only make the shared prefix shorter.
 * Not thread-safe: one per worker.
 */
public final class IncrementalChecker<S> {

    /** Histories longer than this are checked without keeping sessions (memory). */
    private static final int MAX_KEPT = 4096;

    private final RefinementChecker<S> checker;
    private final List<Event> previous = new ArrayList<>();
    /** {@code sessions.get(i)}: the session after the first {@code i} events of {@link #previous}. */
    private final List<CheckSession<S>> sessions = new ArrayList<>();
    private long eventsReused;
    private long eventsChecked;

    public IncrementalChecker(RefinementChecker<S> checker) {
        this.checker = checker;
    }

    /**
     * The verdict for {@code history}, as {@link RefinementChecker#check} gives it.
     *
     * @throws IllegalArgumentException when the history is malformed
     */
    public CheckResult check(List<Event> history) {
        if (history.size() > MAX_KEPT) {
            previous.clear();
            sessions.clear();
            eventsChecked += history.size();
            return checker.check(history);
        }
        // result() changes the session (pending operations take effect): ask a copy.
        return advance(history).copy().result();
    }

    /**
     * The state of the session after {@code history} (see {@link CheckSession#stateKey}).
     *
     * @throws IllegalArgumentException when the history is malformed
     */
    public Object stateKey(List<Event> history) {
        if (history.size() > MAX_KEPT) {
            CheckSession<S> session = checker.start();
            history.forEach(session::accept);
            return session.stateKey();
        }
        return advance(history).stateKey();
    }

    /** The session after {@code history}, kept (not to be changed). */
    private CheckSession<S> advance(List<Event> history) {
        if (sessions.isEmpty()) {
            sessions.add(checker.start());
        }
        int shared = 0;
        int limit = Math.min(previous.size(), history.size());
        while (shared < limit && previous.get(shared).equals(history.get(shared))) {
            shared++;
        }
        if (shared == history.size()) {
            // A prefix of the previous history (a crash point of the execution being checked).
            eventsReused += shared;
            return sessions.get(shared);
        }
        // Sessions past the shared prefix belong to the old history only.
        previous.subList(shared, previous.size()).clear();
        sessions.subList(shared + 1, sessions.size()).clear();
        eventsReused += shared;
        CheckSession<S> session = sessions.get(shared).copy();
        for (int i = shared; i < history.size(); i++) {
            Event e = history.get(i);
            session.accept(e);
            previous.add(e);
            sessions.add(i + 1 < history.size() ? session.copy() : session);
            eventsChecked++;
        }
        return sessions.get(history.size());
    }

    /** Events taken from a shared prefix instead of being checked again. */
    public long eventsReused() {
        return eventsReused;
    }

    /** Events checked. */
    public long eventsChecked() {
        return eventsChecked;
    }
}
