package armada.explore;

import armada.check.Counterexample;
import armada.check.Event;
import armada.check.Failure;
import armada.check.TraceLine;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One execution replayed from a schedule, with its trace, and its failure if it has one. */
public record Replay(
        String schedule, @Nullable Failure failure, boolean vacuous, List<TraceLine> trace, List<Event> history,
        int crashes) {

    /** The counterexample this replay shows; only for a failing replay. */
    public Counterexample counterexample() {
        if (failure == null) {
            throw new IllegalStateException("the replayed execution did not fail");
        }
        return new Counterexample(failure, schedule, trace, history, crashes);
    }
}
