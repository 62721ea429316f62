package armada.cli;

import armada.check.Verdict;
import armada.explore.ExploreException;
import armada.explore.ExploreOptions;
import armada.explore.Explorer;
import armada.explore.Progress;
import armada.explore.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Checks several scenarios at once, one search per core (each search is one thread of
 * exploration), and hands the results over in the order of the scenarios, so the table and the
 * JSON lines come out the same whatever finishes first. A scenario that cannot be checked at
 * all gives an error instead of a verdict, and the others go on.
 */
final class ScenarioRuns {

    /** What checking one scenario gave: a verdict, or why there is none. */
    record Result(@Nullable Verdict verdict, @Nullable String error) {
    }

    /** Receives each scenario's result, in order. */
    interface Sink {
        void accept(Scenario<?, ?> scenario, Result result);
    }

    private ScenarioRuns() {
    }

    /** Gives each scenario's search its progress listener. */
    interface Listeners {
        Progress.Listener of(Scenario<?, ?> scenario);
    }

    static void run(List<Scenario<?, ?>> scenarios, ExploreOptions options, int jobs, Listeners listeners,
            Sink sink) {
        if (jobs <= 1 || scenarios.size() <= 1) {
            for (Scenario<?, ?> s : scenarios) {
                sink.accept(s, check(s, options, listeners.of(s)));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, scenarios.size()));
        try {
            List<Future<Result>> results = new ArrayList<>();
            for (Scenario<?, ?> s : scenarios) {
                results.add(pool.submit(() -> check(s, options, listeners.of(s))));
            }
            for (int i = 0; i < scenarios.size(); i++) {
                sink.accept(scenarios.get(i), results.get(i).get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExploreException("interrupted");
        } catch (ExecutionException e) {
            throw new ExploreException("a search failed: " + e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result check(Scenario<?, ?> s, ExploreOptions options, Progress.Listener listener) {
        try {
            return new Result(Explorer.check(s, options, listener), null);
        } catch (ExploreException | IllegalArgumentException e) {
            return new Result(null, String.valueOf(e.getMessage()));
        }
    }
}
