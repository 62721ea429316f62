package armada.cli;

import armada.check.Verdict;
import armada.explore.ExploreOptions;
import armada.explore.Replay;
import armada.explore.Scenario;
import armada.report.TraceRenderer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The verdict table, one row per scenario as it finishes, then the violations. */
final class TableOutput implements Output {

    private static final String ROW = "%-44s %-9s %-13s %11s %9s  %s%n";

    private final PrintWriter out;
    private final boolean fullTraces;
    private final ReplayLine replayLine;
    private final List<String> after = new ArrayList<>();
    private int mismatches;

    TableOutput(PrintWriter out, boolean fullTraces, ReplayLine replayLine) {
        this.out = out;
        this.fullTraces = fullTraces;
        this.replayLine = replayLine;
    }

    @Override
    public void begin() {
        out.printf(ROW, "SCENARIO", "EXPECTED", "VERDICT", "EXECUTIONS", "SECONDS", "WITHIN BOUNDS");
        out.flush();
    }

    @Override
    public void verdict(Scenario<?, ?> s, ExploreOptions options, Verdict v, boolean asExpected) {
        out.printf(Locale.ROOT, ROW, s.name(), s.expected().label(), v.label() + (asExpected ? "" : " (!)"),
                v.stats().executions(), String.format(Locale.ROOT, "%.2f", v.stats().seconds()), v.bounds());
        out.flush();
        if (!asExpected) {
            mismatches++;
        }
        switch (v) {
            case Verdict.Violated viol -> {
                String replay = replayLine.command(s.name(), viol.counterexample().schedule());
                after.add(s.name() + ": " + viol.counterexample().failure().message() + "\n"
                        + (fullTraces ? TraceRenderer.render(s.name(), viol.counterexample(), replay)
                        : "  replay: " + replay + "\n"));
            }
            case Verdict.Inconclusive inc -> after.add(s.name() + ": INCONCLUSIVE after " + covered(v.stats())
                    + " because " + inc.reason() + "\n");
            case Verdict.Holds h -> {
                if (h.stats().vacuous() > 0) {
                    after.add(s.name() + ": " + h.stats().vacuous() + " executions were vacuous (the spec reached undefined behaviour)\n");
                }
            }
        }
    }

    /** What an INCONCLUSIVE search covered before it stopped. */
    static String covered(Verdict.Stats st) {
        return String.format(Locale.ROOT, "%,d executions in %.2f s (%,d crashes, at most %d distinct crash states"
                + " per crash)", st.executions(), st.seconds(), st.crashes(), st.maxCrashStates());
    }

    @Override
    public void error(Scenario<?, ?> s, String message) {
        out.printf(Locale.ROOT, ROW, s.name(), s.expected().label(), "ERROR (!)", "-", "-", "-");
        out.flush();
        mismatches++;
        after.add(s.name() + ": could not be checked: " + message + "\n");
    }

    @Override
    public void replay(Scenario<?, ?> s, Replay r) {
        out.println(s.name() + ": replayed schedule " + r.schedule());
        if (r.failure() != null) {
            out.println("VIOLATED");
            out.print(TraceRenderer.render(s.name(), r.counterexample(), replayLine.command(s.name(), r.schedule())));
        } else {
            out.println("this execution is correct" + (r.vacuous() ? " (vacuously: the spec reached undefined behaviour)" : ""));
            out.print(TraceRenderer.steps(r.trace()));
        }
    }

    @Override
    public void chain(armada.layers.LayerChain chain, java.util.function.Function<String, Verdict> verdicts) {
        after.add(chain.report(verdicts) + "\n");
    }

    @Override
    public void end() {
        if (!after.isEmpty()) {
            out.println();
            for (String s : after) {
                out.print(s);
            }
        }
        out.println();
        out.println(mismatches == 0 ? "every verdict is as expected" : mismatches + " verdict(s) differ from the expected one (!)");
    }
}
