package armada.cli;

import armada.explore.ExploreOptions;
import armada.explore.Progress;
import armada.explore.Scenario;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows how far the searches got, on standard error so that {@code --json} stays clean: one line
 * rewritten in place on a terminal (the latest news of whichever search reported last, when
 * several run at once), or a plain line per search every so often when not. Each says the
 * executions, their rate, the longest execution, the crashes, and the bound the search is
 * closest to hitting.
 */
final class ProgressDisplay {

    /** How progress is shown. */
    enum Mode {
        TERMINAL, PLAIN, NONE
    }

    private final ExploreOptions options;
    private final Mode mode;
    private final PrintWriter err;
    private final double plainInterval;
    private int shown;

    ProgressDisplay(ExploreOptions options, Mode mode, PrintWriter err, double plainInterval) {
        this.options = options;
        this.mode = mode;
        this.err = err;
        this.plainInterval = plainInterval;
    }

    /** The listener of one scenario's search. */
    Progress.Listener listener(Scenario<?, ?> scenario) {
        double[] lastPlain = {0};
        return p -> show(scenario, p, lastPlain);
    }

    private synchronized void show(Scenario<?, ?> scenario, Progress p, double[] lastPlain) {
        switch (mode) {
            case TERMINAL -> {
                String line = line(scenario, p);
                err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
                shown = line.length();
                err.flush();
            }
            case PLAIN -> {
                if (p.seconds() - lastPlain[0] >= plainInterval) {
                    lastPlain[0] = p.seconds();
                    err.println("armada: " + line(scenario, p));
                    err.flush();
                }
            }
            case NONE -> { }
        }
    }

    /** Clears the terminal line before a verdict is printed. */
    synchronized void clear() {
        if (mode == Mode.TERMINAL && shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }

    String line(Scenario<?, ?> scenario, Progress p) {
        long rate = p.seconds() > 0 ? Math.round(p.executions() / p.seconds()) : 0;
        String subtrees = p.subtreesMet() <= 1 ? "" : String.format(Locale.ROOT, ", subtrees searched %,d of %,d%s",
                p.subtreesSearched(), p.subtreesMet(), p.allSubtreesMet() ? "" : "+");
        return String.format(Locale.ROOT, "%s: %,d executions (%,d/s), depth %d, %,d crashes%s; %s", scenario.name(),
                p.executions(), rate, p.depth(), p.crashes(), subtrees, nearestBound(scenario, p));
    }

    /** The bound the search is closest to hitting, as a share of it. */
    String nearestBound(Scenario<?, ?> scenario, Progress p) {
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
