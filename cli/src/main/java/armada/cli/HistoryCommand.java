package armada.cli;

import armada.history.History;
import armada.history.HistoryChecker;
import armada.history.HistoryModel;
import armada.history.HistoryOptions;
import armada.history.HistoryResult;
import armada.history.PartialLinearization;
import armada.history.format.FormatException;
import armada.history.format.HistoryFiles;
import armada.history.models.Models;
import armada.report.HistoryHtml;
import armada.report.HistoryRenderer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code armada history}: judges recorded histories against a model's spec. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Checks recorded histories (Armada JSON lines, Jepsen etcd logs, Porcupine kv logs) for"
                + " linearizability with crash episodes. Exit 0 when every history is linearizable, 1 otherwise,"
                + " 2 when a file cannot be read.")
final class HistoryCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "History files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--model", required = true, paramLabel = "NAME",
            description = "The spec the histories are judged by: cas-register or kv.")
    String model = "";

    @Option(names = "--json", description = "One JSON object per file per line.")
    boolean json;

    @Option(names = "--seconds", defaultValue = "60",
            description = "Give up on a history after N seconds (INCONCLUSIVE; 0: no limit). Default ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--no-partition", description = "Check a partitioned spec (kv) whole, not one key at a time.")
    boolean noPartition;

    @Option(names = "--html", paramLabel = "DIR",
            description = "Also write one self-contained HTML timeline per history into DIR (created if needed).")
    @Nullable Path html;

    @Option(names = "--repeat", defaultValue = "1", paramLabel = "N",
            description = "Check all files N times in this JVM (to measure with a warm JIT); the last round is"
                    + " printed, and every round's total time on standard error.")
    int repeat;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HistoryModel<?> m = Models.named(model).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "unknown model '" + model + "' (" + Models.all().stream().map(HistoryModel::name).collect(Collectors.joining(", ")) + ")"));
        if (seconds < 0 || repeat < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must not be negative, --repeat at least 1");
        }
        List<Path> readable = new ArrayList<>();
        List<History> histories = new ArrayList<>();
        boolean unreadable = false;
        for (Path file : files) {
            try {
                histories.add(HistoryFiles.read(file, m));
                readable.add(file);
            } catch (FormatException e) {
                err.println("armada: " + file + ":" + e.line() + ": " + e.getMessage());
                unreadable = true;
            } catch (NoSuchFileException e) {
                err.println("armada: " + file + ": no such file");
                unreadable = true;
            } catch (IOException e) {
                err.println("armada: " + file + ": cannot read it: " + e.getMessage());
                unreadable = true;
            }
        }
        HistoryOptions options = HistoryOptions.DEFAULTS.withSeconds(seconds).withPartition(!noPartition);
        List<HistoryResult> results = List.of();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= repeat; round++) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            long processCpu = processCpuNanos();
            results = check(m, histories, options);
            if (repeat > 1) {
                err.printf(Locale.ROOT, "round %d: %d histories in %.3f s; CPU %.3f s in this thread, %.3f s in the"
                        + " process (with JIT and GC)%n", round, histories.size(), (System.nanoTime() - wall) / 1e9,
                        (threads.getCurrentThreadCpuTime() - cpu) / 1e9, (processCpuNanos() - processCpu) / 1e9);
                err.flush();
            }
        }
        boolean allLinearizable = true;
        ObjectMapper mapper = new ObjectMapper();
        Set<String> pages = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            HistoryResult r = results.get(i);
            allLinearizable &= r instanceof HistoryResult.Linearizable;
            String file = readable.get(i).toString();
            Path page = html == null ? null : page(html, readable.get(i), pages);
            if (page != null) {
                try {
                    Files.createDirectories(html);
                    Files.writeString(page, HistoryHtml.render(file, histories.get(i), r), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println("armada: cannot write " + page + ": " + e.getMessage());
                    unreadable = true;
                    page = null;
                }
            }
            if (json) {
                ObjectNode o = json(mapper, file, r);
                if (page != null) {
                    o.put("html", page.toString());
                }
                out.print(o + "\n");
            } else {
                out.print(HistoryRenderer.render(file, r) + (page == null ? "" : "    page: " + page + "\n"));
            }
            out.flush();
        }
        err.flush();
        return unreadable ? 2 : allLinearizable ? 0 : 1;
    }

    /** The page for {@code file} in {@code dir}: its name with .html, numbered when two files share a name. */
    private static Path page(Path dir, Path file, Set<String> taken) {
        String base = String.valueOf(file.getFileName()).replaceAll("[^A-Za-z0-9._-]", "_");
        String name = base + ".html";
        for (int n = 2; !taken.add(name); n++) {
            name = base + "-" + n + ".html";
        }
        return dir.resolve(name);
    }

    /** The CPU time of the whole process so far, where the JVM reports it (else 0). */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static <S> List<HistoryResult> check(HistoryModel<S> m, List<History> histories, HistoryOptions options) {
        HistoryChecker<S> checker = new HistoryChecker<>(m.spec(), options);
        List<HistoryResult> results = new ArrayList<>(histories.size());
        for (History h : histories) {
            results.add(checker.check(h));
        }
        return results;
    }

    private static ObjectNode json(ObjectMapper mapper, String file, HistoryResult r) {
        ObjectNode o = mapper.createObjectNode();
        o.put("file", file);
        o.put("verdict", r.label());
        o.put("operations", r.stats().operations());
        o.put("seconds", r.stats().seconds());
        o.put("partitions", r.stats().partitions());
        o.put("states", r.stats().states());
        switch (r) {
            case HistoryResult.Linearizable l -> o.put("vacuous", l.vacuous());
            case HistoryResult.NotLinearizable n -> {
                PartialLinearization p = n.longest().getFirst();
                if (p.partition() != null) {
                    o.put("partition", String.valueOf(p.partition()));
                }
                o.put("longestPrefix", p.steps().size());
                o.put("unplaced", p.unplaced() == null ? "crash step of episode " + (p.unplacedEpisode() + 1) : p.unplaced().describe());
                o.put("why", p.why());
            }
            case HistoryResult.Inconclusive i -> o.put("reason", i.reason());
        }
        return o;
    }
}
