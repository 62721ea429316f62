package armada.sim;

import armada.check.Event;
import armada.check.TraceLine;
import armada.spec.Op;
import java.util.ArrayList;
import java.util.List;

/** Records one execution: its history always, its step-by-step trace only when asked. */
final class Recorder {

    final List<Event> history = new ArrayList<>();
    final List<TraceLine> trace = new ArrayList<>();
    boolean tracing;
    private int nextOp;

    void reset(boolean tracing) {
        history.clear();
        trace.clear();
        this.tracing = tracing;
        nextOp = 0;
    }

    int invoke(int thread, Op<?> op) {
        int id = nextOp++;
        history.add(new Event.Invoke(thread, id, op));
        return id;
    }

    void ret(int thread, int opId, Object result) {
        history.add(new Event.Return(thread, opId, result));
    }

    void crash(int number) {
        history.add(new Event.Crash(number));
    }

    void recovered() {
        history.add(new Event.Recovered());
    }

    void line(String thread, String text) {
        if (tracing) {
            trace.add(new TraceLine(thread, text));
        }
    }
}
