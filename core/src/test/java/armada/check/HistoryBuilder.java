package armada.check;

import armada.spec.Op;
import armada.spec.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes histories for tests: numbers operations and crashes, and remembers each thread's pending op. */
final class HistoryBuilder {

    private final List<Event> events = new ArrayList<>();
    private final Map<Integer, Integer> pendingIds = new HashMap<>();
    private int nextOpId;
    private int crashes;

    static HistoryBuilder history() {
        return new HistoryBuilder();
    }

    HistoryBuilder invoke(int thread, Op<?> op) {
        int id = nextOpId++;
        pendingIds.put(thread, id);
        events.add(new Event.Invoke(thread, id, op));
        return this;
    }

    HistoryBuilder ret(int thread, Object result) {
        Integer id = pendingIds.remove(thread);
        events.add(new Event.Return(thread, id == null ? -1 : id, result));
        return this;
    }

    /** Thread {@code thread} returns from its write. */
    HistoryBuilder ok(int thread) {
        return ret(thread, Unit.UNIT);
    }

    /** An operation that runs alone: invoked and returned with nothing in between. */
    HistoryBuilder call(int thread, Op<?> op, Object result) {
        return invoke(thread, op).ret(thread, result);
    }

    HistoryBuilder crash() {
        events.add(new Event.Crash(++crashes));
        return this;
    }

    HistoryBuilder recovered() {
        pendingIds.clear();
        events.add(new Event.Recovered());
        return this;
    }

    /** Adds an event as it is, well-formed or not. */
    HistoryBuilder raw(Event e) {
        events.add(e);
        return this;
    }

    List<Event> build() {
        return List.copyOf(events);
    }
}
