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

    /**
     * The history of a simulated execution ({@link armada.check.Event}s, as in a counterexample):
     * each thread is a client, each return an ok.
     *
     * @throws MalformedHistoryException if the events break the rules of a recording
     */
    public static History ofExecution(List<armada.check.Event> execution) {
        HistoryBuilder b = new HistoryBuilder();
        for (armada.check.Event e : execution) {
            switch (e) {
                case armada.check.Event.Invoke i -> b.invoke(i.thread(), i.op());
                case armada.check.Event.Return r -> b.ok(r.thread(), r.result());
                case armada.check.Event.Crash c -> b.crash();
                case armada.check.Event.Recovered r -> b.recovered();
            }
        }
        return b.build();
    }

    /** The number of operations invoked. */
    public int size() {
        return operations.size();
    }
}
