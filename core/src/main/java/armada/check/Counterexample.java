package armada.check;

import java.util.List;

/**
 * A failing execution, shrunk: what failed, the schedule that replays it, its step-by-step
 * trace and its history.
 */
public record Counterexample(
        Failure failure, String schedule, List<TraceLine> trace, List<Event> history, int crashes) {

    public Counterexample {
        trace = List.copyOf(trace);
        history = List.copyOf(history);
    }
}
