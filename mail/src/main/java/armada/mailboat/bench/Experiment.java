package armada.mailboat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The experiment as the command runs it: first a warm-up of every kind of configuration (not
 * reported, so that the JIT has compiled each path before anything is timed), then
 * {@code rounds} rounds, each running every configuration once, interleaved (for each thread
 * count, every kind in turn), so that drift on a shared machine hits all of them alike. Each run
 * gets a fresh data directory under {@code base}, removed afterwards.
 *
 * @param base where the data directories are made (tmpfs, as in both papers)
 * @param kinds the configurations to compare (their thread count and iterations are replaced)
 * @param threads the thread counts
 * @param iterations iterations per thread in each measured run
 * @param warmup iterations per thread of each warm-up run (at the largest thread count); 0 for none
 * @param rounds how many times each configuration is measured
 * @param seed where the users each thread draws come from
 * @param goMailboat the Go Mailboat's benchmark binary to run beside ours ({@link GoMailboat}), or
 *     null: in each round and thread count it runs just before our configurations (odd rounds) or
 *     just after them (even rounds), so that a ratio is taken between runs minutes never apart
 */
public record Experiment(Path base, List<BenchConfig> kinds, List<Integer> threads, int iterations, int warmup,
        int rounds, long seed, @Nullable Path goMailboat) {

    public Experiment {
        kinds = List.copyOf(kinds);
        threads = List.copyOf(threads);
        if (kinds.isEmpty() || threads.isEmpty() || iterations < 1 || warmup < 0 || rounds < 1) {
            throw new IllegalArgumentException("want configurations, thread counts, iterations >= 1, warm-up >= 0, rounds >= 1");
        }
    }

    /** Runs it; {@code progress} gets one line per run, {@code results} each measured run as it ends. */
    public List<BenchResult> run(Consumer<String> progress, Consumer<BenchResult> results)
            throws IOException, InterruptedException {
        int most = threads.stream().mapToInt(Integer::intValue).max().orElseThrow();
        if (warmup > 0) {
            for (BenchConfig kind : kinds) {
                BenchConfig c = kind.with(most, warmup);
                progress.accept("warm-up: " + c.describe() + ", " + warmup + " iterations each (not reported)");
                once(c, 0, seed - 1);
            }
            if (goMailboat != null) {
                progress.accept("warm-up: " + GoMailboat.SYSTEM + ", " + most + " threads, " + warmup
                        + " iterations each (not reported)");
                GoMailboat.run(goMailboat, most, warmup, 0);
            }
        }
        List<BenchResult> all = new ArrayList<>();
        int total = rounds * threads.size() * (kinds.size() + (goMailboat == null ? 0 : 1));
        for (int round = 1; round <= rounds; round++) {
            for (int t : threads) {
                if (goMailboat != null && round % 2 == 1) {
                    peer(goMailboat, t, round, all, total, progress, results);
                }
                for (BenchConfig kind : kinds) {
                    BenchConfig c = kind.with(t, iterations);
                    BenchResult r = once(c, round, seed + all.size());
                    report(r, c.describe(), all, total, progress, results);
                }
                if (goMailboat != null && round % 2 == 0) {
                    peer(goMailboat, t, round, all, total, progress, results);
                }
            }
        }
        return all;
    }

    private void peer(Path binary, int t, int round, List<BenchResult> all, int total, Consumer<String> progress,
            Consumer<BenchResult> results) throws IOException, InterruptedException {
        BenchResult r = GoMailboat.run(binary, t, iterations, round);
        report(r, GoMailboat.SYSTEM + ", " + t + (t == 1 ? " thread" : " threads") + ", never fsyncs", all, total,
                progress, results);
    }

    private static void report(BenchResult r, String what, List<BenchResult> all, int total, Consumer<String> progress,
            Consumer<BenchResult> results) {
        all.add(r);
        progress.accept(String.format(Locale.ROOT, "[%d/%d] round %d, %s: %,.0f iterations/s (%.2f s)", all.size(), total,
                r.round(), what, r.iterationsPerSecond(), r.seconds()));
        results.accept(r);
    }

    private BenchResult once(BenchConfig c, int round, long runSeed) throws IOException, InterruptedException {
        Files.createDirectories(base);
        Path data = Files.createTempDirectory(base, "mailbench");
        try {
            return MailBench.run(data, c, round, runSeed);
        } finally {
            delete(data);
        }
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
