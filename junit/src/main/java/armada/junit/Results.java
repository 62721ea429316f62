package armada.junit;

import armada.check.Verdict;
import armada.explore.Expectation;
import armada.explore.ExploreException;
import armada.explore.Explorer;
import armada.explore.Replay;
import armada.explore.Scenario;
import armada.report.TraceRenderer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Runs one check or replay and turns its verdict into a passing or failing test. */
final class Results {

    private Results() {
    }

    static void check(Scenario<?, ?> scenario, Checker checker, CurrentTest test) {
        Inconclusive onInconclusive = inconclusiveSetting(checker);
        String schedule = System.getProperty(Armada.REPLAY_PROPERTY);
        if (schedule != null && !schedule.isBlank()) {
            replay(scenario, checker, test, schedule.strip());
            return;
        }
        Verdict v;
        try {
            v = Explorer.check(scenario, checker.options());
        } catch (ExploreException | IllegalArgumentException e) {
            throw new AssertionError(scenario.name() + ": could not be checked: " + e.getMessage());
        }
        String summary = summary(scenario, v);
        switch (v) {
            case Verdict.Holds h -> {
                if (scenario.expected() == Expectation.VIOLATED) {
                    throw new AssertionError(summary + "\n  but it is a broken variant, expected to fail with "
                            + scenario.expectedFailure());
                }
                test.report("armada", summary + vacuous(h));
            }
            case Verdict.Violated viol -> {
                String trace = TraceRenderer.render(scenario.name(), viol.counterexample(),
                        test.replayLine(viol.counterexample().schedule()));
                if (scenario.asExpected(v)) {
                    test.report("armada", summary + " (a broken variant, failing as expected)");
                    return;
                }
                throw new AssertionError(summary + expectedKind(scenario) + "\n" + trace);
            }
            case Verdict.Inconclusive inc -> {
                String text = summary + "\n  because " + inc.reason();
                if (onInconclusive == Inconclusive.FAIL) {
                    throw new AssertionError(text + "\n  (INCONCLUSIVE fails the test; -D" + Inconclusive.PROPERTY
                            + "=warn or Inconclusive.WARN lets it pass with a warning)");
                }
                test.report("armada.warning", text);
                System.err.println("armada: warning: " + text);
            }
        }
    }

    private static void replay(Scenario<?, ?> scenario, Checker checker, CurrentTest test, String schedule) {
        Replay r;
        try {
            r = Explorer.replay(scenario, schedule, checker.options().maxCrashes());
        } catch (ExploreException e) {
            throw new AssertionError(scenario.name() + ": -D" + Armada.REPLAY_PROPERTY + "=" + schedule
                    + " does not replay an execution of this scenario: " + e.getMessage()
                    + " (was it printed by another test?)");
        }
        String head = scenario.name() + ": replayed schedule " + schedule + ": ";
        if (r.failure() == null) {
            String text = head + "this execution is correct" + (r.vacuous() ? " (vacuously: the spec reached"
                    + " undefined behaviour)" : "") + "\n" + TraceRenderer.steps(r.trace());
            test.report("armada", text);
            System.out.print(text);
            return;
        }
        String trace = TraceRenderer.render(scenario.name(), r.counterexample(), test.replayLine(schedule));
        if (scenario.expected() == Expectation.VIOLATED
                && r.counterexample().failure().kind().equals(scenario.expectedFailure())) {
            test.report("armada", head + "VIOLATED, as this broken variant is expected to\n" + trace);
            System.out.print(head + "VIOLATED\n" + trace);
            return;
        }
        throw new AssertionError(head + "VIOLATED\n" + trace);
    }

    private static Inconclusive inconclusiveSetting(Checker checker) {
        String property = System.getProperty(Inconclusive.PROPERTY);
        return property == null || property.isBlank() ? checker.inconclusive() : Inconclusive.parse(property);
    }

    /** One line: the scenario, its verdict, the bounds it is stated within, and what the search covered. */
    static String summary(Scenario<?, ?> scenario, Verdict v) {
        return String.format(Locale.ROOT, "%s: %s within bounds (%s): %d executions in %.2f s", scenario.name(),
                v.label(), v.bounds(), v.stats().executions(), v.stats().seconds());
    }

    private static String vacuous(Verdict.Holds h) {
        return h.stats().vacuous() == 0 ? "" : "; " + h.stats().vacuous()
                + " executions were vacuous (the spec reached undefined behaviour)";
    }

    private static String expectedKind(Scenario<?, ?> scenario) {
        @Nullable String kind = scenario.expectedFailure();
        return kind == null ? "" : " (a broken variant expected to fail with " + kind + ", not like this)";
    }
}
