package armada.explore;

import org.jspecify.annotations.Nullable;

/**
 * How to explore a scenario: the strategy, the budgets that make a search INCONCLUSIVE when
 * hit (executions, seconds), the seed everything random derives from, and overrides of the
 * scenario's own bounds.
 *
 * @param maxExecutions 0 for no limit
 * @param seconds 0 for no limit
 * @param maxCrashes null to keep the scenario's crash bound
 * @param preemptions -1 for no preemption bound
 * @param reduction the exhaustive strategy's partial-order reduction: DPOR (source sets and sleep
 *     sets, the default), sleep sets alone, or none
 * @param workers parallel explorers for the random and PCT strategies
 * @param stuckSeconds how long one execution may go without finishing before the search gives
 *     up: code under check that loops without calling the World cannot be preempted
 * @param stateCache with DPOR: do not search again from a point after a crash equal to one
 *     searched already (same durable state, same checker state, budgets; see
 *     {@link armada.sim.CrashCache})
 */
public record ExploreOptions(
        StrategyKind strategy,
        long maxExecutions,
        double seconds,
        long seed,
        @Nullable Integer maxCrashes,
        int preemptions,
        Reduction reduction,
        int pctDepth,
        int workers,
        boolean shrink,
        double stuckSeconds,
        boolean stateCache) {

    public static final ExploreOptions DEFAULTS =
            new ExploreOptions(StrategyKind.EXHAUSTIVE, 0, 300, 1, null, -1, Reduction.DPOR, 3, 1, true, 30, true);

    public ExploreOptions {
        if (maxExecutions < 0 || seconds < 0 || workers < 1 || pctDepth < 1 || stuckSeconds <= 0) {
            throw new IllegalArgumentException("budgets must not be negative and workers at least 1");
        }
    }

    public enum StrategyKind {
        EXHAUSTIVE, RANDOM, PCT
    }

    /** How the exhaustive strategy avoids exploring equivalent executions twice. */
    public enum Reduction {
        /** Every interleaving. */
        NONE,
        /** Sleep sets only: every option at every choice point, minus the ones asleep. */
        SLEEP_SETS,
        /** Source-DPOR with sleep sets: only the options races call for. */
        DPOR
    }

    public ExploreOptions withStrategy(StrategyKind s) {
        return new ExploreOptions(s, maxExecutions, seconds, seed, maxCrashes, preemptions, reduction, pctDepth,
                workers, shrink, stuckSeconds, stateCache);
    }

    public ExploreOptions withExecutions(long n) {
        return new ExploreOptions(strategy, n, seconds, seed, maxCrashes, preemptions, reduction, pctDepth,
                workers, shrink, stuckSeconds, stateCache);
    }

    public ExploreOptions withSeconds(double s) {
        return new ExploreOptions(strategy, maxExecutions, s, seed, maxCrashes, preemptions, reduction, pctDepth,
                workers, shrink, stuckSeconds, stateCache);
    }

    public ExploreOptions withSeed(long s) {
        return new ExploreOptions(strategy, maxExecutions, seconds, s, maxCrashes, preemptions, reduction, pctDepth,
                workers, shrink, stuckSeconds, stateCache);
    }

    public ExploreOptions withMaxCrashes(@Nullable Integer n) {
        return new ExploreOptions(strategy, maxExecutions, seconds, seed, n, preemptions, reduction, pctDepth,
                workers, shrink, stuckSeconds, stateCache);
    }

    public ExploreOptions withPreemptions(int n) {
        return new ExploreOptions(strategy, maxExecutions, seconds, seed, maxCrashes, n, reduction, pctDepth,
                workers, shrink, stuckSeconds, stateCache);
    }

    /** DPOR when on, none when off. */
    public ExploreOptions withReduction(boolean on) {
        return withReduction(on ? Reduction.DPOR : Reduction.NONE);
    }

    public ExploreOptions withReduction(Reduction r) {
        return new ExploreOptions(strategy, maxExecutions, seconds, seed, maxCrashes, preemptions, r, pctDepth,
                workers, shrink, stuckSeconds, stateCache);
    }

    public ExploreOptions withWorkers(int n) {
        return new ExploreOptions(strategy, maxExecutions, seconds, seed, maxCrashes, preemptions, reduction,
                pctDepth, n, shrink, stuckSeconds, stateCache);
    }

    public ExploreOptions withStuckSeconds(double limit) {
        return new ExploreOptions(strategy, maxExecutions, seconds, seed, maxCrashes, preemptions, reduction,
                pctDepth, workers, shrink, limit, stateCache);
    }

    public ExploreOptions withShrink(boolean on) {
        return new ExploreOptions(strategy, maxExecutions, seconds, seed, maxCrashes, preemptions, reduction,
                pctDepth, workers, on, stuckSeconds, stateCache);
    }

    public ExploreOptions withStateCache(boolean on) {
        return new ExploreOptions(strategy, maxExecutions, seconds, seed, maxCrashes, preemptions, reduction,
                pctDepth, workers, shrink, stuckSeconds, on);
    }
}
