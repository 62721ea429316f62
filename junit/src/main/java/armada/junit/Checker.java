package armada.junit;

import armada.explore.ExploreOptions;
import armada.explore.Scenario;
import org.jspecify.annotations.Nullable;

/**
 * How {@link Armada#check} searches, and what an INCONCLUSIVE verdict does: an immutable value,
 * changed with its {@code with}-style methods. {@code Armada.checker()} starts from the settings of
 * the running test ({@link ArmadaTest}), or from {@link #DEFAULTS}.
 *
 * <pre>{@code
 * Armada.checker().seconds(30).maxCrashes(2).onInconclusive(Inconclusive.WARN).check(scenario);
 * }</pre>
 *
 * @param options the exploration: exhaustive, 300 seconds, the scenario's own crash bound
 * @param inconclusive what an INCONCLUSIVE verdict does (the property {@code armada.inconclusive} wins)
 */
public record Checker(ExploreOptions options, Inconclusive inconclusive) {

    /** The exhaustive search with the checker's defaults; INCONCLUSIVE fails. */
    public static final Checker DEFAULTS = new Checker(ExploreOptions.DEFAULTS, Inconclusive.FAIL);

    /** A time budget of {@code s} seconds (0: none). */
    public Checker seconds(double s) {
        return new Checker(options.withSeconds(s), inconclusive);
    }

    /** At most {@code n} executions (0: no limit). */
    public Checker executions(long n) {
        return new Checker(options.withExecutions(n), inconclusive);
    }

    /** Up to {@code n} crashes per execution instead of the scenario's own bound (null: the scenario's). */
    public Checker maxCrashes(@Nullable Integer n) {
        return new Checker(options.withMaxCrashes(n), inconclusive);
    }

    public Checker onInconclusive(Inconclusive what) {
        return new Checker(options, what);
    }

    /** Any other exploration options. */
    public Checker options(ExploreOptions o) {
        return new Checker(o, inconclusive);
    }

    /**
     * Checks {@code scenario}: returns when it gets its expected verdict (HOLDS, or for a broken
     * variant VIOLATED with its failure kind), and throws an {@link AssertionError} with the shrunk
     * trace and a replay line otherwise. With {@code -Darmada.replay=SCHEDULE} it replays that one
     * execution instead, with its trace.
     */
    public void check(Scenario<?, ?> scenario) {
        Results.check(scenario, this, CurrentTest.current());
    }
}
