package armada.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a watchdog on another thread says about an execution that does not come back: which
 * simulated thread runs, what its Java thread is doing, and where the others are paused. Also
 * finds the first frame of code under check in a stack, for failures and cut random calls.
 */
final class StuckReport {

    private StuckReport() {
    }

    /**
     * The simulated thread running now, what its Java thread is doing (running a loop, blocked
     * on a monitor, waiting) with its stack down to the simulator, and where each other live
     * thread is paused in a World call (one of them may hold the monitor). Several lines, the
     * first one short.
     */
    static String describe(Baton baton) {
        SimThread t = baton.holder();
        if (t == null) {
            return "no simulated thread is running";
        }
        Thread carrier = t.onMain ? baton.main.carrier : t.carrier;
        if (carrier == null) {
            return t.name;
        }
        StringBuilder b = new StringBuilder(t.name);
        b.append(switch (carrier.getState()) {
            case BLOCKED -> " is blocked on a monitor: a synchronized block or method waits for a Java lock another"
                    + " thread holds, which the scheduler cannot see (use World.newLock())";
            case RUNNABLE -> " is running code that never calls the World (a loop?)";
            case WAITING, TIMED_WAITING -> " is waiting outside the World (Object.wait, Thread.sleep, a"
                    + " java.util.concurrent lock or queue?), which the scheduler cannot see";
            default -> " is " + carrier.getState().name().toLowerCase(Locale.ROOT);
        });
        List<StackTraceElement> frames = userFrames(carrier.getStackTrace());
        for (int i = 0; i < Math.min(frames.size(), 12); i++) {
            b.append("\n    at ").append(frames.get(i));
        }
        if (frames.size() > 12) {
            b.append("\n    ...");
        }
        StringBuilder others = new StringBuilder();
        Set<Thread> seen = new HashSet<>(List.of(carrier));
        for (SimThread o : baton.slots) {
            Thread oc = o.onMain ? baton.main.carrier : o.carrier;
            if (o != t && o.live() && oc != null && seen.add(oc)) {
                List<StackTraceElement> of = userFrames(oc.getStackTrace());
                others.append("\n    ").append(o.name).append(of.isEmpty() ? " (not started)" : " at " + of.getFirst());
            }
        }
        if (!others.isEmpty()) {
            b.append("\n  the other threads, each paused in a World call:").append(others);
        }
        return b.toString();
    }

    /** The frames of code under check: the simulator's and the JDK's left out, up to the simulator's entry. */
    private static List<StackTraceElement> userFrames(StackTraceElement[] stack) {
        List<StackTraceElement> out = new ArrayList<>();
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            if (c.startsWith("armada.sim.") || c.startsWith("armada.explore.Scenario")) {
                if (!out.isEmpty()) {
                    break; // below the code under check: the simulator that called it
                }
            } else if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
                out.add(f);
            }
        }
        return out;
    }

    /** " at Class.method(File.java:12)" for the first frame of code under check, or "". */
    static String userFrame(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String c = frame.getClassName();
            if (!c.startsWith("armada.sim.") && !c.startsWith("java.") && !c.startsWith("jdk.")) {
                return " at " + c.substring(c.lastIndexOf('.') + 1) + "." + frame.getMethodName() + "("
                        + frame.getFileName() + ":" + frame.getLineNumber() + ")";
            }
        }
        return "";
    }
}
