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
 * @param lazyCrashStates leave files' unsynced data undecided at a crash until something reads
 *     it (see {@link Scenario#lazyCrashStates()}); off: every way it may have survived is a
 *     crash state of its own, as the reference semantics has it
 * @param splitDepth with DPOR: the branching points at the top of the search tree that try every
 *     option, below which the subtrees are divided among workers and shards (see
 *     {@link TreeSplit}); the verdict and the failure shown depend on it, not on the number of
 *     workers or shards
 * @param shard with DPOR: which part of the search this process takes, 1..{@code shards}
 * @param shards with DPOR: into how many parts the search is divided across processes; with
 *     more than one, a part that finds no failure is INCONCLUSIVE until every part's result is
 *     merged
 * @param moverReduction glue each thread's calls of a layer of the form right* [non] left* into
 *     one atomic step, where the scenario's mover claims were checked and hold (see
 *     {@link armada.sim.LayerMovers}); a schedule found with it on replays only with it on
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
        boolean stateCache,
        boolean lazyCrashStates,
        int splitDepth,
        int shard,
        int shards,
        boolean moverReduction) {

    public static final ExploreOptions DEFAULTS =
            new ExploreOptions(StrategyKind.EXHAUSTIVE, 0, 300, 1, null, -1, Reduction.DPOR, 3, 1, true, 30, true, true,
                    TreeSplit.DEFAULT_DEPTH, 1, 1, true);

    public ExploreOptions {
        if (maxExecutions < 0 || seconds < 0 || workers < 1 || pctDepth < 1 || stuckSeconds <= 0) {
            throw new IllegalArgumentException("budgets must not be negative and workers at least 1");
        }
        if (splitDepth < 0 || shards < 1 || shard < 1 || shard > shards) {
            throw new IllegalArgumentException("the split depth must not be negative, and the shard K/N must have 1 <= K <= N");
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
                workers, shrink, stuckSeconds, stateCache, lazyCrashStates, splitDepth, shard, shards, moverReduction);
    }

    public ExploreOptions withExecutions(long n) {
        return new ExploreOptions(strategy, n, seconds, seed, maxCrashes, preemptions, reduction, pctDepth,
                workers, shrink, stuckSeconds, stateCache, lazyCrashStates, splitDepth, shard, shards, moverReduction);
    }

    public ExploreOptions withSeconds(double s) {
        return new ExploreOptions(strategy, maxExecutions, s, seed, maxCrashes, preemptions, reduction, pctDepth,
                workers, shrink, stuckSeconds, stateCache, lazyCrashStates, splitDepth, shard, shards, moverReduction);
    }

    public ExploreOptions withSeed(long s) {
        return new ExploreOptions(strategy, maxExecutions, seconds, s, maxCrashes, preemptions, reduction, pctDepth,
                workers, shrink, stuckSeconds, stateCache, lazyCrashStates, splitDepth, shard, shards, moverReduction);
    }

    public ExploreOptions withMaxCrashes(@Nullable Integer n) {
        return new ExploreOptions(strategy, maxExecutions, seconds, seed, n, preemptions, reduction, pctDepth,
                workers, shrink, stuckSeconds, stateCache, lazyCrashStates, splitDepth, shard, shards, moverReduction);
    }

    public ExploreOptions withPreemptions(int n) {
        return new ExploreOptions(strategy, maxExecutions, seconds, seed, maxCrashes, n, reduction, pctDepth,
                workers, shrink, stuckSeconds, stateCache, lazyCrashStates, splitDepth, shard, shards, moverReduction);
    }

    /** DPOR when on, none when off. */
    public ExploreOptions withReduction(boolean on) {
        return withReduction(on ? Reduction.DPOR : Reduction.NONE);
    }

    public ExploreOptions withReduction(Reduction r) {
        return new ExploreOptions(strategy, maxExecutions, seconds, seed, maxCrashes, preemptions, r, pctDepth,
                workers, shrink, stuckSeconds, stateCache, lazyCrashStates, splitDepth, shard, shards, moverReduction);
    }

    public ExploreOptions withWorkers(int n) {
        return new ExploreOptions(strategy, maxExecutions, seconds, seed, maxCrashes, preemptions, reduction,
                pctDepth, n, shrink, stuckSeconds, stateCache, lazyCrashStates, splitDepth, shard, shards, moverReduction);
    }

    public ExploreOptions withStuckSeconds(double limit) {
        return new ExploreOptions(strategy, maxExecutions, seconds, seed, maxCrashes, preemptions, reduction,
                pctDepth, workers, shrink, limit, stateCache, lazyCrashStates, splitDepth, shard, shards, moverReduction);
    }

    public ExploreOptions withShrink(boolean on) {
        return new ExploreOptions(strategy, maxExecutions, seconds, seed, maxCrashes, preemptions, reduction,
                pctDepth, workers, on, stuckSeconds, stateCache, lazyCrashStates, splitDepth, shard, shards, moverReduction);
    }

    public ExploreOptions withSplitDepth(int d) {
        return new ExploreOptions(strategy, maxExecutions, seconds, seed, maxCrashes, preemptions, reduction,
                pctDepth, workers, shrink, stuckSeconds, stateCache, lazyCrashStates, d, shard, shards, moverReduction);
    }

    /** Part {@code k} of {@code n} of a divided search ({@code 1/1}: all of it). */
    public ExploreOptions withShard(int k, int n) {
        return new ExploreOptions(strategy, maxExecutions, seconds, seed, maxCrashes, preemptions, reduction,
                pctDepth, workers, shrink, stuckSeconds, stateCache, lazyCrashStates, splitDepth, k, n, moverReduction);
    }

    public ExploreOptions withStateCache(boolean on) {
        return new ExploreOptions(strategy, maxExecutions, seconds, seed, maxCrashes, preemptions, reduction,
                pctDepth, workers, shrink, stuckSeconds, on, lazyCrashStates, splitDepth, shard, shards, moverReduction);
    }

    public ExploreOptions withLazyCrashStates(boolean on) {
        return new ExploreOptions(strategy, maxExecutions, seconds, seed, maxCrashes, preemptions, reduction,
                pctDepth, workers, shrink, stuckSeconds, stateCache, on, splitDepth, shard, shards, moverReduction);
    }

    public ExploreOptions withMoverReduction(boolean on) {
        return new ExploreOptions(strategy, maxExecutions, seconds, seed, maxCrashes, preemptions, reduction,
                pctDepth, workers, shrink, stuckSeconds, stateCache, lazyCrashStates, splitDepth, shard, shards, on);
    }
}
