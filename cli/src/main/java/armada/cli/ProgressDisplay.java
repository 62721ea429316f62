package armada.cli;

import armada.explore.ExploreOptions;
import armada.explore.Progress;
import armada.explore.Scenario;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows how far a scenario's search got, on standard error so that {@code --json} stays clean: a
 * line rewritten in place on a terminal, or a plain line every so often when not. Each says the
 * executions, their rate, the longest execution, the crashes, and the bound the search is closest
 * to hitting.
 */
final class ProgressDisplay implements Progress.Listener {

    /** How progress is shown. */
    enum Mode {
        TERMINAL, PLAIN, NONE
    }

    private final Scenario<?, ?> scenario;
    private final ExploreOptions options;
    private final Mode mode;
    private final PrintWriter err;
    private final double plainInterval;
    private double lastPlain;
    private int shown;

    ProgressDisplay(Scenario<?, ?> scenario, ExploreOptions options, Mode mode, PrintWriter err, double plainInterval) {
        this.scenario = scenario;
        this.options = options;
        this.mode = mode;
        this.err = err;
        this.plainInterval = plainInterval;
    }

    @Override
    public synchronized void progress(Progress p) {
        switch (mode) {
            case TERMINAL -> {
                String line = line(p);
                err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
                shown = line.length();
                err.flush();
            }
            case PLAIN -> {
                if (p.seconds() - lastPlain >= plainInterval) {
                    lastPlain = p.seconds();
                    err.println("armada: " + line(p));
                    err.flush();
                }
            }
            case NONE -> { }
        }
    }

    /** Clears the terminal line before the verdict is printed. */
    synchronized void done() {
        if (mode == Mode.TERMINAL && shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }

    String line(Progress p) {
        long rate = p.seconds() > 0 ? Math.round(p.executions() / p.seconds()) : 0;
        return String.format(Locale.ROOT, "%s: %,d executions (%,d/s), depth %d, %,d crashes; %s", scenario.name(),
                p.executions(), rate, p.depth(), p.crashes(), nearestBound(p));
    }

    /** The bound the search is closest to hitting, as a share of it. */
    String nearestBound(Progress p) {
        String name = "steps " + p.depth() + " of " + scenario.maxSteps();
        double share = (double) p.depth() / scenario.maxSteps();
        if (options.seconds() > 0 && p.seconds() / options.seconds() > share) {
            share = p.seconds() / options.seconds();
            name = String.format(Locale.ROOT, "time %.0f of %.0f s", p.seconds(), options.seconds());
        }
        if (options.maxExecutions() > 0 && (double) p.executions() / options.maxExecutions() > share) {
            share = (double) p.executions() / options.maxExecutions();
            name = String.format(Locale.ROOT, "executions %,d of %,d", p.executions(), options.maxExecutions());
        }
        int budget = scenario.faults().crashStateBudget();
        if (p.crashes() > 0 && (double) p.maxCrashStates() / budget > share) {
            share = (double) p.maxCrashStates() / budget;
            name = "crash states " + p.maxCrashStates() + " of " + budget;
        }
        return String.format(Locale.ROOT, "nearest bound: %s (%.0f%%)", name, share * 100);
    }
}
