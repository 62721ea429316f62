package armada.explore;

import armada.check.Counterexample;
import armada.check.Failure;
import armada.check.RefinementChecker;
import armada.check.Verdict;
import armada.sim.ExecutionRecord;
import armada.sim.Machine;
import armada.sim.Scheduler;
import armada.sim.Schedules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Explores a scenario with a strategy and returns its verdict: the runner runs executions on a
 * simulated {@link Machine}, the strategy picks them, the {@link Judge} checks each one, and a
 * failure is shrunk and replayed with its trace. Everything runs on virtual threads, so that
 * hand-offs between simulated threads stay cheap.
 */
public final class Explorer {

    /** How the reason of a shard's INCONCLUSIVE verdict begins when its part of the search found nothing wrong. */
    public static final String PART_HOLDS = "no failure in this part of the search";

    private Explorer() {
    }

    /** Checks {@code scenario} under {@code options}. */
    public static Verdict check(Scenario<?, ?> scenario, ExploreOptions options) {
        return check(scenario, options, null);
    }

    /** Checks {@code scenario} under {@code options}, telling {@code progress} how far the search got. */
    public static Verdict check(Scenario<?, ?> scenario, ExploreOptions options, Progress.@Nullable Listener progress) {
        Scenario<?, ?> crashes = options.maxCrashes() == null ? scenario
                : scenario.withFaults(scenario.faults().withCrashes(options.maxCrashes()));
        Scenario<?, ?> sc = options.lazyCrashStates() ? crashes : crashes.withLazyCrashStates(false);
        Prechecks pre = Prechecks.run(sc);
        if (pre.broken() != null) {
            return pre.violated(sc);
        }
        // Only claims that were checked and hold over every reachable state are ever used.
        armada.layers.CheckedMovers<?> reduction = options.moverReduction() ? pre.reduction() : null;
        Search search = new Search(sc, options, progress, MoverReduction.movers(reduction));
        Verdict v = watched(search, options.stuckSeconds());
        v = MoverReduction.within(v, reduction);
        return pre.within(v);
    }

    /**
     * Runs the search on a virtual thread and watches it: an execution that has not finished
     * after {@code stuckSeconds} runs code that neither ends nor calls the World, which no
     * scheduler can preempt. The search then gives up with a {@link Failure.Stuck} verdict naming
     * the thread and its stack; the stuck thread is left behind (Java cannot stop it) and dies at
     * its next World call, if it ever makes one.
     */
    private static Verdict watched(Search search, double stuckSeconds) {
        long limit = (long) (stuckSeconds * 1e9);
        AtomicReference<@Nullable Verdict> result = new AtomicReference<>();
        AtomicReference<@Nullable Throwable> error = new AtomicReference<>();
        Thread t = Thread.ofVirtual().name("armada-explorer").start(() -> {
            try {
                result.set(search.run());
            } catch (Throwable e) {
                error.set(e);
            }
        });
        try {
            while (!t.join(java.time.Duration.ofMillis(100))) {
                Verdict stuck = search.stuck(limit, stuckSeconds);
                if (stuck != null) {
                    return stuck;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExploreException("interrupted");
        }
        rethrow(error.get());
        return java.util.Objects.requireNonNull(result.get());
    }

    private static void rethrow(@Nullable Throwable e) {
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e instanceof Error err) {
            throw err;
        }
    }

    /** Replays one execution of {@code scenario} from {@code schedule}, with its trace (with the mover reduction). */
    public static Replay replay(Scenario<?, ?> scenario, String schedule, @Nullable Integer maxCrashes) {
        return replay(scenario, schedule, maxCrashes, true);
    }

    /**
     * Replays one execution of {@code scenario} from {@code schedule}, with its trace; with
     * {@code moverReduction} as the search that found the schedule had it.
     */
    public static Replay replay(Scenario<?, ?> scenario, String schedule, @Nullable Integer maxCrashes,
            boolean moverReduction) {
        Scenario<?, ?> sc = maxCrashes == null ? scenario
                : scenario.withFaults(scenario.faults().withCrashes(maxCrashes));
        long[] decisions;
        try {
            decisions = Schedules.parse(schedule);
        } catch (IllegalArgumentException e) {
            throw new ExploreException(Objects.requireNonNullElse(e.getMessage(), "malformed schedule"));
        }
        Prechecks pre = Prechecks.run(sc);
        Failure broken = pre.broken();
        if (broken != null) {
            // The layer checks run before any execution: a broken one fails whatever the schedule.
            return new Replay(schedule, broken, false, List.of(pre.line()), List.of(), 0);
        }
        List<armada.sim.LayerMovers> glue = MoverReduction.movers(moverReduction ? pre.reduction() : null);
        return onVirtualThread(() -> {
            try (Machine m = machineFor(sc, glue)) {
                return replayStrict(m, sc, new Judge(new RefinementChecker<>(sc.spec())), decisions);
            }
        });
    }

    static Machine machineFor(Scenario<?, ?> sc) {
        return machineFor(sc, List.of());
    }

    /** A machine for {@code sc} that glues layer calls by {@code movers} (see {@link MoverReduction}). */
    static Machine machineFor(Scenario<?, ?> sc, List<armada.sim.LayerMovers> movers) {
        Machine m = new Machine(Math.min(250, 2 + sc.clients().size() + 8));
        m.randomDomain(sc.randomDomain());
        m.layerMovers(movers);
        return m;
    }

    static Replay replayStrict(Machine m, Scenario<?, ?> sc, Judge judge, long[] decisions) {
        ReplayScheduler replay = new ReplayScheduler(decisions, true);
        ExecutionRecord r = m.run(sc, replay, true);
        if (replay.mismatch() != null) {
            throw new ExploreException(replay.mismatch());
        }
        Failure f = judge.judge(r);
        return new Replay(Schedules.format(decisions), f, judge.lastVacuous(), r.trace(), r.history(), r.crashes());
    }

    /** Runs {@code body} on a virtual thread and waits for it. */
    private static <T> T onVirtualThread(Supplier<T> body) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<@Nullable Throwable> error = new AtomicReference<>();
        Thread t = Thread.ofVirtual().name("armada-explorer").start(() -> {
            try {
                result.set(body.get());
            } catch (Throwable e) {
                error.set(e);
            }
        });
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExploreException("interrupted");
        }
        rethrow(error.get());
        return Objects.requireNonNull(result.get()); // the body returned normally, with a non-null T
    }

    /** One search: shared counters and the first failure found by any worker. */
    private static final class Search {
        private final Scenario<?, ?> sc;
        private final ExploreOptions o;
        private final long start = System.nanoTime();
        private final AtomicLong started = new AtomicLong();
        private final AtomicLong executions = new AtomicLong();
        private final AtomicLong abandoned = new AtomicLong();
        /** Executions stopped after a crash because an equal point had been searched (counted in abandoned too). */
        private final AtomicLong pruned = new AtomicLong();
        private final AtomicLong vacuous = new AtomicLong();
        private final AtomicLong crashes = new AtomicLong();
        private final AtomicLong crashStates = new AtomicLong();
        private final java.util.concurrent.atomic.AtomicInteger maxCrashStates =
                new java.util.concurrent.atomic.AtomicInteger();
        private volatile boolean crashStatesCut;
        private final AtomicReference<@Nullable String> budgetHit = new AtomicReference<>();
        private final AtomicReference<@Nullable String> error = new AtomicReference<>();
        private final AtomicReference<@Nullable Found> found = new AtomicReference<>();
        private final AtomicReference<@Nullable String> randomCut = new AtomicReference<>();
        private final AtomicLong domainCutFailures = new AtomicLong();
        private volatile @Nullable String cut;
        private volatile boolean exhaustive;
        private final int workerCount;
        /** How an exhaustive DPOR search is divided among workers and shards; null for the other strategies. */
        private final @Nullable TreeSplit split;
        /** Per worker: when its current execution started, and its machine. */
        private final java.util.concurrent.atomic.AtomicLongArray progress;
        private final AtomicReferenceArray<@Nullable Machine> machines;
        private volatile boolean givenUp;
        private final Progress.@Nullable Listener listener;
        private final AtomicLong lastProgress = new AtomicLong(start - Progress.INTERVAL_MILLIS * 1_000_000);
        private final java.util.concurrent.atomic.AtomicInteger depth = new java.util.concurrent.atomic.AtomicInteger();

        /** The checked movers the machines glue layer calls by (empty: every call is a scheduling point). */
        private final List<armada.sim.LayerMovers> movers;

        Search(Scenario<?, ?> sc, ExploreOptions o, Progress.@Nullable Listener listener,
                List<armada.sim.LayerMovers> movers) {
            this.sc = sc;
            this.o = o;
            this.movers = movers;
            this.listener = listener;
            boolean dpor = o.strategy() == ExploreOptions.StrategyKind.EXHAUSTIVE
                    && o.reduction() == ExploreOptions.Reduction.DPOR && o.preemptions() < 0;
            this.split = dpor ? new TreeSplit(o.splitDepth(), o.shard(), o.shards()) : null;
            this.workerCount = o.strategy() == ExploreOptions.StrategyKind.EXHAUSTIVE && !dpor ? 1 : o.workers();
            this.progress = new java.util.concurrent.atomic.AtomicLongArray(workerCount + 1);
            this.machines = new AtomicReferenceArray<>(workerCount + 1);
            for (int w = 0; w <= workerCount; w++) {
                progress.set(w, start);
            }
        }

        /** Worker {@code w} (the last index: the shrinker) is alive: it starts another execution. */
        void tick(int w) {
            progress.set(w, System.nanoTime());
        }

        /**
         * A VIOLATED verdict if some worker's execution has run longer than {@code limit}
         * nanoseconds; the search is then abandoned.
         */
        @Nullable Verdict stuck(long limit, double seconds) {
            long now = System.nanoTime();
            for (int w = 0; w <= workerCount; w++) {
                Machine m = machines.get(w);
                if (m != null && now - progress.get(w) > limit) {
                    givenUp = true;
                    String where = m.describeRunning();
                    long[] soFar = m.decisionsSoFar();
                    m.abort();
                    return new Verdict.Violated(stats(), bounds(), new Counterexample(
                            new Failure.Stuck(seconds, where), Schedules.format(soFar), List.of(), List.of(), 0));
                }
            }
            return null;
        }

        Verdict run() {
            int workers = workerCount;
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                long seed = o.seed() + 0x9E3779B97F4A7C15L * w;
                int index = w;
                threads.add(Thread.ofVirtual().name("armada-worker-" + w).start(() -> work(index, seed)));
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ExploreException("interrupted");
                }
            }
            if (error.get() != null) {
                throw new ExploreException(sc.name() + ": " + error.get());
            }
            String bounds = bounds();
            Found f = found.get();
            if (f != null) {
                Replay shown = counterexample(f);
                return new Verdict.Violated(stats(), bounds, shown.counterexample());
            }
            String hit = budgetHit.get();
            if (hit != null) {
                return new Verdict.Inconclusive(stats(), bounds, hit);
            }
            if (!exhaustive) {
                return new Verdict.Inconclusive(stats(), bounds, o.strategy().name().toLowerCase(Locale.ROOT)
                        + " search tried " + executions.get() + " executions and found no failure; sampling proves nothing");
            }
            if (cut != null) {
                return new Verdict.Inconclusive(stats(), bounds, "the preemption bound (" + cut
                        + ") cut branches off the search");
            }
            String random = randomCut.get();
            if (random != null) {
                long forced = domainCutFailures.get();
                return new Verdict.Inconclusive(stats(), bounds, "the random domain cut a call: " + random
                        + " (give the scenario a randomDomain as large as the bound, or a smaller bound)"
                        + (forced == 0 ? "" : "; " + forced + " failing executions were left out: they threw or"
                                + " looped after the small domain repeated a value (a retry loop that ran out of the"
                                + " values explored)"));
            }
            if (crashStatesCut) {
                return new Verdict.Inconclusive(stats(), bounds, "a crash could leave more distinct durable states "
                        + "than the crash-state budget (" + sc.faults().crashStateBudget() + ") lets the search try");
            }
            if (split != null && split.shards() > 1) {
                return new Verdict.Inconclusive(stats(), bounds, PART_HOLDS + " (shard " + split.shard() + "/"
                        + split.shards() + "): merge the results of all " + split.shards() + " shards for the verdict");
            }
            return new Verdict.Holds(stats(), bounds);
        }

        private void work(int index, long seed) {
            Strategy strategy = switch (o.strategy()) {
                case EXHAUSTIVE -> split != null
                        ? new DporStrategy(sc.faults().maxCrashes(), sc.faults().maxDiskFailures(), false, split)
                        : new ExhaustiveStrategy(o.reduction() != ExploreOptions.Reduction.NONE, o.preemptions());
                case RANDOM -> new RandomStrategy(seed);
                case PCT -> new PctStrategy(seed, o.pctDepth());
            };
            exhaustive = strategy.exhaustive();
            Judge judge = new Judge(new RefinementChecker<>(sc.spec()), strategy.exhaustive());
            long deadline = o.seconds() > 0 ? start + (long) (o.seconds() * 1e9) : Long.MAX_VALUE;
            try (Machine m = machineFor(sc, movers)) {
                machines.set(index, m);
                if (o.stateCache() && strategy instanceof DporStrategy dpor) {
                    // Only below the top of a divided search: a point passed on the way to someone
                    // else's subtree has not been searched.
                    StateCache cache = new StateCache(judge, pruned);
                    m.crashCache((state, history, steps, path) ->
                            !dpor.inClaimedSubtree() || cache.fresh(state, history, steps, path));
                }
                while (budgetHit.get() == null && !givenUp
                        && (split == null ? found.get() == null : !split.over(strategy.subtree()))) {
                    Scheduler s = strategy.next();
                    if (s == null) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        budgetHit.compareAndSet(null, "the time budget (" + o.seconds() + " s) ran out");
                        break;
                    }
                    tick(index);
                    ExecutionRecord r = m.run(sc, s, false);
                    if (strategy.error() != null) {
                        error.compareAndSet(null, strategy.error());
                        break;
                    }
                    if (!strategy.ownsLast()) {
                        strategy.finished(r); // walked through the top to another worker's part
                        continue;
                    }
                    // Counted once it has run: the budget is hit only by an execution beyond it,
                    // so a search that needs exactly the budget still covers everything.
                    if (o.maxExecutions() > 0 && started.incrementAndGet() > o.maxExecutions()) {
                        budgetHit.compareAndSet(null, "the execution budget (" + o.maxExecutions() + ") ran out");
                        break;
                    }
                    if (r.abandoned()) {
                        abandoned.incrementAndGet();
                        strategy.finished(r);
                        continue;
                    }
                    executions.incrementAndGet();
                    for (int n : r.crashStates()) {
                        crashes.incrementAndGet();
                        crashStates.addAndGet(n);
                        maxCrashStates.accumulateAndGet(n, Math::max);
                    }
                    if (r.crashStatesCut()) {
                        crashStatesCut = true;
                    }
                    progress(r.steps());
                    Failure f = judge.judge(r);
                    if (judge.lastVacuous()) {
                        vacuous.incrementAndGet();
                    }
                    if (r.randomCut() != null) {
                        randomCut.compareAndSet(null, r.randomCut());
                        if (f != null && r.randomRepeated() && ranOutOfValues(f)) {
                            // A retry loop that gave up (or looped on) values repeated only because the
                            // explored domain is small: the checker's cut, not the code's failure.
                            domainCutFailures.incrementAndGet();
                            f = null;
                        }
                    }
                    int subtree = strategy.subtree();
                    strategy.finished(r);
                    if (f != null) {
                        Found mine = new Found(r.decisions(), f, subtree);
                        found.accumulateAndGet(mine, (a, b) -> a == null || b.subtree() < a.subtree() ? b : a);
                        if (split != null) {
                            split.failed(subtree);
                        }
                        break;
                    }
                }
                cut = strategy.cut();
                machines.set(index, null);
            }
        }

        /** Tells the listener, if there is one and its interval has passed, how far the search got. */
        private void progress(int steps) {
            depth.accumulateAndGet(steps, Math::max);
            long now = System.nanoTime();
            long last = lastProgress.get();
            if (listener != null && now - last >= Progress.INTERVAL_MILLIS * 1_000_000
                    && lastProgress.compareAndSet(last, now)) {
                listener.progress(new Progress(executions.get(), (now - start) / 1e9, depth.get(), crashes.get(),
                        maxCrashStates.get(), split == null ? 0 : split.searched(), split == null ? 0 : split.met(),
                        split != null && split.total() >= 0));
            }
        }

        /** The failures a loop that runs out of fresh random values ends in. */
        private static boolean ranOutOfValues(Failure f) {
            return f instanceof Failure.UserException || f instanceof Failure.StepBoundExceeded
                    || f instanceof Failure.Livelock;
        }

        private Replay counterexample(Found f) {
            try (Machine m = machineFor(sc, movers)) {
                tick(workerCount);
                machines.set(workerCount, m);
                Judge judge = new Judge(new RefinementChecker<>(sc.spec()));
                long[] decisions = o.shrink() ? new Shrinker(m, sc, judge, () -> tick(workerCount))
                        .shrink(f.decisions(), f.failure()) : f.decisions();
                tick(workerCount);
                Replay shown = replayStrict(m, sc, judge, decisions);
                if (shown.failure() == null) {
                    throw new ExploreException("a failing execution did not fail again on replay: "
                            + "the code under check depends on something outside the World");
                }
                machines.set(workerCount, null);
                return shown;
            }
        }

        private Verdict.Stats stats() {
            Found f = found.get();
            Verdict.Parts parts = split == null ? Verdict.Parts.WHOLE
                    : new Verdict.Parts(split.depth(), split.total(), split.shard(), split.shards(),
                            f == null ? -1 : f.subtree());
            return new Verdict.Stats(executions.get(), abandoned.get(), vacuous.get(),
                    (System.nanoTime() - start) / 1e9, crashes.get(), crashStates.get(), maxCrashStates.get(), parts);
        }

        private String bounds() {
            StringBuilder b = new StringBuilder(sc.faults().describe());
            b.append(", threads=").append(sc.clients().size());
            b.append(", steps<=").append(sc.maxSteps());
            if (o.preemptions() >= 0) {
                b.append(", preemptions<=").append(o.preemptions());
            }
            b.append(", random-domain=").append(sc.randomDomain());
            return b.toString();
        }
    }

    /** A failing execution, and the subtree of a divided search it was found in (0 if undivided). */
    private record Found(long[] decisions, Failure failure, int subtree) {
    }
}
