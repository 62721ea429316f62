package armada.report;

import armada.check.Counterexample;
import armada.check.Event;
import armada.check.TraceLine;
import java.util.List;

/**
 * Renders a counterexample as text: the failure, the command that replays it, the steps of
 * every thread in order (machine events such as crashes and disk failures on their own lines),
 * and the history the refinement checker saw. The output is deterministic, so it can be
 * compared with golden files.
 */
public final class TraceRenderer {

    private TraceRenderer() {
    }

    public static String render(String scenario, Counterexample cx) {
        return render(scenario, cx, "./armada check " + scenario + " --replay " + cx.schedule());
    }

    /** The same, with {@code replay} as the command that replays it (a test's, or one with a class path). */
    public static String render(String scenario, Counterexample cx, String replay) {
        StringBuilder b = new StringBuilder();
        b.append("failure: ").append(cx.failure().kind()).append('\n');
        b.append("  ").append(cx.failure().message()).append('\n');
        b.append("replay:  ").append(replay).append('\n');
        b.append(steps(cx.trace()));
        b.append("history:\n");
        List<Event> history = cx.history();
        for (int i = 0; i < history.size(); i++) {
            b.append(String.format("  %3d  %s%n", i, history.get(i)));
        }
        return b.toString();
    }

    /** The steps, one per line, with the thread in its own column. */
    public static String steps(List<TraceLine> trace) {
        int width = 7;
        for (TraceLine l : trace) {
            width = Math.max(width, l.thread().length());
        }
        StringBuilder b = new StringBuilder("steps:\n");
        int n = 0;
        for (TraceLine l : trace) {
            if (l.thread().equals("machine")) {
                b.append(String.format("  ---  %-" + width + "s  %s%n", "", "*** " + l.text() + " ***"));
            } else {
                b.append(String.format("  %3d  %-" + width + "s  %s%n", ++n, l.thread(), l.text()));
            }
        }
        return b.toString();
    }
}
