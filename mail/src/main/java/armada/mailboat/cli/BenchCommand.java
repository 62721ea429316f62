package armada.mailboat.cli;

import armada.mailboat.bench.BenchConfig;
import armada.mailboat.bench.BenchResult;
import armada.mailboat.bench.Experiment;
import armada.mailboat.bench.FsKind;
import armada.mailboat.bench.LockKind;
import armada.mailboat.bench.Ratios;
import armada.mailboat.bench.ThroughputPlot;
import armada.mailboat.linux.LinuxFileSystem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mailboat bench}: the papers' throughput experiment, iteration for iteration as the Go Mailboat's benchmark. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The papers' throughput experiment, the library called directly: each thread repeats "
                + "'deliver to a random user; pick up a random user, delete every message, unlock', "
                + "as the Go Mailboat's benchmark does. Durable by default (every delivery fsyncs the message "
                + "and new/, every delete fsyncs its directory).",
                "A warm-up of every configuration comes first (not reported); configurations are interleaved; "
                + "one progress line per run goes to standard error. iterations/s = threads x iterations / seconds."})
final class BenchCommand implements Callable<Integer> {

    private static final String GO_LABEL = "Go Mailboat, memory locks, no fsync";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", paramLabel = "N",
            description = "Thread counts (default ${DEFAULT-VALUE}).")
    List<Integer> threads = new ArrayList<>();

    @Option(names = "--iterations", defaultValue = "20000", paramLabel = "N",
            description = "Iterations per thread in each run (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--users", defaultValue = "100", paramLabel = "N", description = "Users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--message-bytes", defaultValue = "12", paramLabel = "B",
            description = "Size of each message (default ${DEFAULT-VALUE}: \"Hello world.\", the Go benchmark's).")
    int messageBytes;

    @Option(names = "--no-fsync",
            description = "Skip every fsync. NOT durable: exists only to compare with peers that never fsync (the Go Mailboat's benchmark).")
    boolean noFsync;

    @Option(names = "--with-no-fsync",
            description = "Run every configuration durable and again with --no-fsync (interleaved).")
    boolean withNoFsync;

    @Option(names = "--locks", split = ",", defaultValue = "memory", paramLabel = "KIND",
            description = "Per-user locks: memory (Mailboat's), file (CMAIL's and GoMail's), or both (memory,file). Default ${DEFAULT-VALUE}.")
    List<String> locks = new ArrayList<>();

    @Option(names = "--fs", split = ",", paramLabel = "KIND",
            description = "File system: linux (the server's: *at system calls on kept directory descriptors; the default "
                    + "where available), nio (the World's portable one), or both (linux,nio).")
    List<String> fileSystems = new ArrayList<>();

    @Option(names = "--warmup", defaultValue = "20000", paramLabel = "N",
            description = "Warm-up iterations per thread for each configuration, before anything is measured (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rounds", defaultValue = "1", paramLabel = "N",
            description = "Measure every configuration N times, interleaved (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--json", description = "One JSON line per run on standard output, instead of the table.")
    boolean json;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where to make the data directories (default: /dev/shm if it exists, tmpfs as in both papers).")
    @Nullable Path dir;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the users each thread draws (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--go-mailboat", paramLabel = "BINARY",
            description = "Also run the Go Mailboat's benchmark (built by its build.sh; scripts/bench-vs-go does it) "
                    + "in every round and thread count, beside ours, and print our ratios to it.")
    @Nullable Path goMailboat;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "Also draw throughput against threads, one line per configuration (medians), as a PNG.")
    @Nullable Path plot;

    @Option(names = "--from", paramLabel = "FILE",
            description = "With --plot: measure nothing; draw the JSON lines in FILE (repeatable; ours or a peer's, such as scripts/bench-vs-go writes).")
    List<Path> from = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!from.isEmpty()) {
            if (plot == null) {
                throw usage("--from draws results: give --plot FILE.png too");
            }
            List<BenchResult> results = read(from);
            writePlot(results, plot);
            err.println("bench: drew " + results.size() + " results to " + plot);
            return 0;
        }
        Experiment experiment = experiment();
        if (plot != null) {
            checkWritable(plot);
        }
        if (!json) {
            out.printf("%7s  %-6s  %-8s  %-5s  %5s  %10s  %8s  %12s  %12s%n", "threads", "locks", "fsync", "fs", "round",
                    "iterations", "seconds", "iterations/s", "CPU us/it");
            out.flush();
        }
        List<BenchResult> results = experiment.run(line -> {
            err.println("bench: " + line);
            err.flush();
        }, r -> {
            if (json) {
                out.println(r.toJson());
            } else {
                out.printf(Locale.ROOT, "%7d  %-6s  %-8s  %-5s  %5d  %10d  %8.2f  %,12.0f  %12.1f%n", r.threads(), r.locks(),
                        r.fsync() ? "yes" : "NO", r.fs(), r.round(), r.iterations(), r.seconds(), r.iterationsPerSecond(),
                        r.cpuSeconds() * 1e6 / r.totalIterations());
            }
            out.flush();
        });
        // With --json the figures are the lines on standard output; the summary goes to standard error.
        summary(json ? err : out, results);
        if (noFsync || withNoFsync) {
            err.println("bench: " + BenchResult.NO_FSYNC_NOTE);
        }
        if (plot != null) {
            writePlot(results, plot);
            err.println("bench: drew " + plot);
        }
        return 0;
    }

    private Experiment experiment() {
        if (iterations < 1 || users < 1 || messageBytes < 1 || warmup < 0 || rounds < 1 || threads.isEmpty()
                || threads.stream().anyMatch(t -> t < 1)) {
            throw usage("want positive --iterations, --users, --message-bytes, --rounds and --threads, and --warmup >= 0");
        }
        if (noFsync && withNoFsync) {
            throw usage("--no-fsync and --with-no-fsync exclude each other");
        }
        Set<LockKind> kinds = new LinkedHashSet<>();
        for (String l : locks) {
            try {
                kinds.add(LockKind.of(l));
            } catch (IllegalArgumentException e) {
                throw usage(String.valueOf(e.getMessage()));
            }
        }
        Set<FsKind> fsKinds = new LinkedHashSet<>();
        for (String f : fileSystems.isEmpty() ? List.of(FsKind.serverDefault().label()) : fileSystems) {
            try {
                fsKinds.add(FsKind.of(f));
            } catch (IllegalArgumentException e) {
                throw usage(String.valueOf(e.getMessage()));
            }
        }
        if (fsKinds.contains(FsKind.LINUX) && !LinuxFileSystem.available()) {
            throw usage("the linux file system is not available here (Linux on x86-64, AArch64 or RISC-V, with native access)");
        }
        List<BenchConfig> configs = new ArrayList<>();
        for (FsKind f : fsKinds) {
            for (LockKind k : kinds) {
                if (!noFsync) {
                    configs.add(new BenchConfig(1, 1, users, messageBytes, true, k, f));
                }
                if (noFsync || withNoFsync) {
                    configs.add(new BenchConfig(1, 1, users, messageBytes, false, k, f));
                }
            }
        }
        Path base = dir != null ? dir : Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(
                System.getProperty("java.io.tmpdir"));
        if (goMailboat != null && !Files.isExecutable(goMailboat)) {
            throw usage("no executable " + goMailboat);
        }
        return new Experiment(base, configs, List.copyOf(new LinkedHashSet<>(threads)), iterations, warmup, rounds, seed,
                goMailboat);
    }

    /** Medians per configuration and thread count, and the ratios the papers discuss, taken within each round. */
    private static void summary(PrintWriter out, List<BenchResult> results) {
        List<ThroughputPlot.Line> lines = ThroughputPlot.lines(results);
        if (lines.size() > 1 || results.size() > lines.size()) {
            out.println();
            out.println("median iterations/s:");
            for (ThroughputPlot.Line line : lines) {
                StringBuilder b = new StringBuilder("  " + line.label() + ":");
                line.medians().forEach((t, v) -> b.append(String.format(Locale.ROOT, "  %d: %,.0f", t, v)));
                out.println(b);
            }
            out.println("ratios within each round (median, and each round's):");
            String ours = "Mailboat (Java), memory locks, durable";
            List<String[]> pairs = new ArrayList<>();
            for (ThroughputPlot.Line line : lines) {
                if (line.label().startsWith("Mailboat (Java)")) {
                    pairs.add(new String[] {line.label(), GO_LABEL});
                }
            }
            for (String other : List.of("Mailboat (Java), file locks, durable", "Mailboat (Java), memory locks, no fsync",
                    "Mailboat (Java), memory locks, durable, NIO")) {
                pairs.add(new String[] {other, ours});
            }
            for (String[] pair : pairs) {
                List<Ratios.PerThreads> ratios = Ratios.within(results, pair[0], pair[1]);
                if (ratios.isEmpty()) {
                    continue;
                }
                StringBuilder b = new StringBuilder("  " + pair[0] + " / " + pair[1] + ":");
                for (Ratios.PerThreads r : ratios) {
                    b.append(String.format(Locale.ROOT, "  %d: %.2fx (", r.threads(), r.median()));
                    b.append(String.join(" ", r.byRound().stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList()));
                    b.append(')');
                }
                out.println(b);
            }
        }
        if (results.stream().anyMatch(r -> !r.fsync() && r.system().equals(BenchResult.OURS))) {
            out.println("fsync NO: " + BenchResult.NO_FSYNC_NOTE);
        }
    }

    private List<BenchResult> read(List<Path> files) throws IOException {
        List<BenchResult> results = new ArrayList<>();
        for (Path f : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw usage("no file " + f);
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    results.add(BenchResult.parse(line));
                } catch (IllegalArgumentException e) {
                    throw usage(f + " line " + (i + 1) + " is not a benchmark result: " + String.valueOf(e.getMessage()));
                }
            }
        }
        if (results.isEmpty()) {
            throw usage("no results in " + files);
        }
        return results;
    }

    private void checkWritable(Path png) {
        Path parent = png.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw usage("no directory for " + png);
        }
    }

    private void writePlot(List<BenchResult> results, Path png) throws IOException {
        checkWritable(png);
        ThroughputPlot.write(results, png, "100 users, tmpfs");
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
