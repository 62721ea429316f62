package armada.history;

import java.util.List;

/**
 * A recorded history: its events in real-time order, and the operations and crash episodes they
 * make up. Built (and checked for well-formedness) by {@link HistoryBuilder}; immutable.
 */
public record History(List<RecordedEvent> events, List<Operation> operations, List<Episode> episodes) {

    public History {
        events = List.copyOf(events);
        operations = List.copyOf(operations);
        episodes = List.copyOf(episodes);
    }

    /** The history of these events (which must be well-formed). */
    public static History of(List<? extends RecordedEvent> events) {
        HistoryBuilder b = new HistoryBuilder();
        for (RecordedEvent e : events) {
            b.add(e);
        }
        return b.build();
    }

    /** The number of operations invoked. */
    public int size() {
        return operations.size();
    }
}
