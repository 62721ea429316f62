package armada.mailboat.cli;

import armada.mailboat.bench.MailBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mailboat bench}: the papers' throughput experiment, in-memory against file locks. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Deliveries and pickups for 100 users, the library called directly, on 1..N threads.")
final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where to make the data directories (default: /dev/shm if it exists, as the papers used tmpfs).")
    @Nullable Path dir;

    @Option(names = "--requests", defaultValue = "20000", description = "Requests per run (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", description = "Thread counts (default ${DEFAULT-VALUE}).")
    List<Integer> threads = new ArrayList<>();

    @Option(names = "--users", defaultValue = "100", description = "Users (default ${DEFAULT-VALUE}).")
    int users;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (requests < 1 || users < 1 || threads.stream().anyMatch(t -> t < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "want positive --requests, --users, --threads");
        }
        Path base = dir != null ? dir : Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : null;
        PrintWriter out = spec.commandLine().getOut();
        for (boolean fileLocks : new boolean[] {false, true}) {
            // Warm-up, not reported: let the JIT compile both paths before anything is timed.
            Path warm = base == null ? Files.createTempDirectory("mailbench") : Files.createTempDirectory(base, "mailbench");
            try {
                new MailBench(warm, users, 2, Math.min(requests, 10_000), fileLocks, 7).run();
            } finally {
                delete(warm);
            }
        }
        out.printf("%-8s %7s %9s %8s %12s%n", "locks", "threads", "requests", "seconds", "requests/s");
        for (boolean fileLocks : new boolean[] {false, true}) {
            for (int t : threads) {
                Path data = base == null ? Files.createTempDirectory("mailbench") : Files.createTempDirectory(base, "mailbench");
                try {
                    MailBench.Result r = new MailBench(data, users, t, requests, fileLocks, 1).run();
                    out.printf(Locale.ROOT, "%-8s %7d %9d %8.2f %12.0f%n", fileLocks ? "file" : "memory", t,
                            r.requests(), r.seconds(), r.requestsPerSecond());
                    out.flush();
                } finally {
                    delete(data);
                }
            }
        }
        return 0;
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
