package armada.explore;

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
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Explores a scenario with a strategy and returns its verdict: the runner runs executions on a
 * simulated {@link Machine}, the strategy picks them, the {@link Judge} checks each one, and a
 * failure is shrunk and replayed with its trace. Everything runs on virtual threads, so that
 * hand-offs between simulated threads stay cheap.
 */
public final class Explorer {

    private Explorer() {
    }

    /** Checks {@code scenario} under {@code options}. */
    public static Verdict check(Scenario<?, ?> scenario, ExploreOptions options) {
        Scenario<?, ?> sc = options.maxCrashes() == null ? scenario
                : scenario.withFaults(scenario.faults().withCrashes(options.maxCrashes()));
        Search search = new Search(sc, options);
        return watched(search, options.stuckSeconds());
    }

    /**
     * Runs the search on a virtual thread and watches it: an execution that has not finished
     * after {@code stuckSeconds} runs code that neither ends nor calls the World, which no
     * scheduler can preempt, so the search gives up with a clear error instead of hanging.
     */
    private static Verdict watched(Search search, double stuckSeconds) {
        long limit = (long) (stuckSeconds * 1e9);
        return onVirtualThread(search::run, () -> {
            if (System.nanoTime() - search.lastProgress() > limit) {
                search.giveUp();
                throw new ExploreException(search.name() + ": an execution ran for more than " + stuckSeconds
                        + " s without finishing: the code under check loops or blocks without calling the"
                        + " World, which the simulator cannot preempt");
            }
        });
    }

    /** Replays one execution of {@code scenario} from {@code schedule}, with its trace. */
    public static Replay replay(Scenario<?, ?> scenario, String schedule, @Nullable Integer maxCrashes) {
        Scenario<?, ?> sc = maxCrashes == null ? scenario
                : scenario.withFaults(scenario.faults().withCrashes(maxCrashes));
        long[] decisions;
        try {
            decisions = Schedules.parse(schedule);
        } catch (IllegalArgumentException e) {
            throw new ExploreException(Objects.requireNonNullElse(e.getMessage(), "malformed schedule"));
        }
        return onVirtualThread(() -> {
            try (Machine m = machineFor(sc)) {
                return replayStrict(m, sc, new Judge(new RefinementChecker<>(sc.spec())), decisions);
            }
        });
    }

    static Machine machineFor(Scenario<?, ?> sc) {
        Machine m = new Machine(Math.min(250, 2 + sc.clients().size() + 8));
        m.randomDomain(sc.randomDomain());
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

    private static <T> T onVirtualThread(Supplier<T> body) {
        return onVirtualThread(body, () -> { });
    }

    /** Runs {@code body} on a virtual thread; {@code watch} runs every 100 ms while it has not ended. */
    private static <T> T onVirtualThread(Supplier<T> body, Runnable watch) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread t = Thread.ofVirtual().name("armada-explorer").start(() -> {
            try {
                result.set(body.get());
            } catch (Throwable e) {
                error.set(e);
            }
        });
        try {
            while (!t.join(java.time.Duration.ofMillis(100))) {
                watch.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExploreException("interrupted");
        }
        Throwable e = error.get();
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e instanceof Error err) {
            throw err;
        }
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
        private final AtomicLong vacuous = new AtomicLong();
        private final AtomicLong crashes = new AtomicLong();
        private final AtomicLong crashStates = new AtomicLong();
        private final java.util.concurrent.atomic.AtomicInteger maxCrashStates =
                new java.util.concurrent.atomic.AtomicInteger();
        private volatile boolean crashStatesCut;
        private final AtomicReference<@Nullable String> budgetHit = new AtomicReference<>();
        private final AtomicReference<@Nullable String> error = new AtomicReference<>();
        private final AtomicReference<@Nullable Found> found = new AtomicReference<>();
        private volatile @Nullable String cut;
        private volatile boolean exhaustive;
        private volatile long progress = System.nanoTime();
        private volatile boolean givenUp;

        Search(Scenario<?, ?> sc, ExploreOptions o) {
            this.sc = sc;
            this.o = o;
        }

        String name() {
            return sc.name();
        }

        /** When the last execution started (or the search did). */
        long lastProgress() {
            return progress;
        }

        /** Stops the workers after the execution each is in (which may never end). */
        void giveUp() {
            givenUp = true;
        }

        void tick() {
            progress = System.nanoTime();
        }

        Verdict run() {
            int workers = o.strategy() == ExploreOptions.StrategyKind.EXHAUSTIVE ? 1 : o.workers();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                long seed = o.seed() + 0x9E3779B97F4A7C15L * w;
                threads.add(Thread.ofVirtual().name("armada-worker-" + w).start(() -> work(seed)));
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
            if (crashStatesCut) {
                return new Verdict.Inconclusive(stats(), bounds, "a crash could leave more distinct durable states "
                        + "than the crash-state budget (" + sc.faults().crashStateBudget() + ") lets the search try");
            }
            return new Verdict.Holds(stats(), bounds);
        }

        private void work(long seed) {
            Strategy strategy = switch (o.strategy()) {
                case EXHAUSTIVE -> new ExhaustiveStrategy(o.reduction(), o.preemptions());
                case RANDOM -> new RandomStrategy(seed);
                case PCT -> new PctStrategy(seed, o.pctDepth());
            };
            exhaustive = strategy.exhaustive();
            Judge judge = new Judge(new RefinementChecker<>(sc.spec()));
            long deadline = o.seconds() > 0 ? start + (long) (o.seconds() * 1e9) : Long.MAX_VALUE;
            try (Machine m = machineFor(sc)) {
                while (found.get() == null && budgetHit.get() == null && !givenUp) {
                    Scheduler s = strategy.next();
                    if (s == null) {
                        break;
                    }
                    if (o.maxExecutions() > 0 && started.getAndIncrement() >= o.maxExecutions()) {
                        budgetHit.compareAndSet(null, "the execution budget (" + o.maxExecutions() + ") ran out");
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        budgetHit.compareAndSet(null, "the time budget (" + o.seconds() + " s) ran out");
                        break;
                    }
                    tick();
                    ExecutionRecord r = m.run(sc, s, false);
                    if (strategy.error() != null) {
                        error.compareAndSet(null, strategy.error());
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
                    Failure f = judge.judge(r);
                    if (judge.lastVacuous()) {
                        vacuous.incrementAndGet();
                    }
                    strategy.finished(r);
                    if (f != null) {
                        found.compareAndSet(null, new Found(r.decisions(), f));
                        break;
                    }
                }
                cut = strategy.cut();
            }
        }

        private Replay counterexample(Found f) {
            try (Machine m = machineFor(sc)) {
                Judge judge = new Judge(new RefinementChecker<>(sc.spec()));
                long[] decisions = o.shrink() ? new Shrinker(m, sc, judge, this::tick).shrink(f.decisions(),
                        f.failure()) : f.decisions();
                tick();
                Replay shown = replayStrict(m, sc, judge, decisions);
                if (shown.failure() == null) {
                    throw new ExploreException("a failing execution did not fail again on replay: "
                            + "the code under check depends on something outside the World");
                }
                return shown;
            }
        }

        private Verdict.Stats stats() {
            return new Verdict.Stats(executions.get(), abandoned.get(), vacuous.get(),
                    (System.nanoTime() - start) / 1e9, crashes.get(), crashStates.get(), maxCrashStates.get());
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

    private record Found(long[] decisions, Failure failure) {
    }
}
