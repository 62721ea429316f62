package armada.cli;

import armada.check.Counterexample;
import armada.check.Verdict;
import armada.explore.ExploreException;
import armada.explore.ExploreOptions;
import armada.explore.Explorer;
import armada.explore.Replay;
import armada.explore.Scenario;
import armada.history.History;
import armada.history.HistoryChecker;
import armada.history.HistoryOptions;
import armada.history.HistoryResult;
import armada.report.HistoryHtml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code armada check}: explores scenarios and prints their verdicts. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Checks scenarios (all shipped ones when none is named) and prints a verdict table.")
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NAME",
            description = "Scenario names (example/scenario), or an example name for all its scenarios.")
    List<String> names = new ArrayList<>();

    @Option(names = "--json", description = "One JSON object per scenario per line.")
    boolean json;

    @Option(names = "--strategy", defaultValue = "exhaustive",
            description = "exhaustive (default), random or pct.")
    String strategy = "exhaustive";

    @Option(names = "--executions", defaultValue = "0",
            description = "Stop after N executions (0: no limit). A search stopped early is INCONCLUSIVE.")
    long executions;

    @Option(names = "--seconds", defaultValue = "300",
            description = "Stop a scenario's search after N seconds (0: no limit). Default ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random and pct strategies.")
    long seed;

    @Option(names = "--max-crashes", description = "Crashes per execution, instead of the scenario's own bound.")
    @Nullable Integer maxCrashes;

    @Option(names = "--preemptions", defaultValue = "-1",
            description = "Preemption bound for the exhaustive strategy (-1: none). If it cuts, the verdict is INCONCLUSIVE.")
    int preemptions;

    @Option(names = "--no-reduction", description = "Turn off partial-order reduction (the same as --reduction none).")
    boolean noReduction;

    @Option(names = "--reduction", paramLabel = "KIND", defaultValue = "dpor",
            description = "Partial-order reduction of the exhaustive strategy: dpor (source sets and sleep sets,"
                    + " default), sleep-sets, or none.")
    String reduction = "dpor";

    @Option(names = "--no-state-cache", description = "With DPOR, search again from points after a crash equal to"
            + " ones searched already (off by default: the cache skips them, which changes no verdict).")
    boolean noStateCache;

    @Option(names = "--no-lazy-crash-states", description = "Offer every way a file's unsynced data may have survived"
            + " as a crash state of its own, at the crash (by default a crash leaves it undecided until something"
            + " reads it, which changes no verdict).")
    boolean noLazyCrashStates;

    @Option(names = "--no-mover-reduction", description = "Make every call of a layer a scheduling point, even where"
            + " the scenario's mover claims were checked (by default a thread's calls of the form right* [non] left*"
            + " run as one atomic step; the verdict is the same, in fewer executions). A schedule found with it"
            + " replays only with it.")
    boolean noMoverReduction;

    @Option(names = "--workers", description = "Parallel workers per scenario (default: one per core when one"
            + " scenario is checked or the strategy samples, else 1). The verdict and the failure shown do not depend on it.")
    @Nullable Integer workers;

    @Option(names = "--shard", paramLabel = "K/N", description = "Search only part K of N of each scenario's tree"
            + " (exhaustive with DPOR); a part that finds nothing is INCONCLUSIVE until `armada merge` combines the"
            + " --json results of all N parts.")
    @Nullable String shard;

    @Option(names = "--split-depth", paramLabel = "N", description = "Branching points at the top of the search tree"
            + " that try every option; the subtrees below are what workers and shards divide (default ${DEFAULT-VALUE}).",
            defaultValue = "16")
    int splitDepth;

    @Option(names = "--jobs", description = "Scenarios checked at once (default: one per core for the exhaustive"
            + " strategy, else 1). Verdicts are printed in order either way.")
    @Nullable Integer jobs;

    @Option(names = "--stuck-seconds", defaultValue = "30",
            description = "Give up when one execution has not finished after N seconds: code that loops without"
                    + " calling the World cannot be preempted (default ${DEFAULT-VALUE}).")
    double stuckSeconds;

    @Option(names = "--replay", paramLabel = "SCHEDULE", description = "Replay one execution of one scenario.")
    @Nullable String replay;

    @Option(names = "--benchmarks", description = "Also check the size benchmarks (scale-*), which a whole"
            + " example or no name leaves out; a benchmark named exactly is always checked.")
    boolean benchmarks;

    @Option(names = "--html", paramLabel = "DIR",
            description = "Also write one self-contained HTML timeline page per counterexample into DIR.")
    @Nullable Path html;

    @Option(names = "--trace", description = "Print the full trace of every violation (default: only when one scenario is named).")
    boolean trace;

    @Mixin
    ClassPathOption classPath = new ClassPathOption();

    @Option(names = "--fail-on", paramLabel = "WHAT", split = ",", defaultValue = "unexpected",
            description = "What makes the exit status 1: unexpected (a verdict other than the expected one; the"
                    + " default), violated (any VIOLATED verdict), inconclusive (any INCONCLUSIVE one); several"
                    + " with commas. A scenario that cannot be checked always does.")
    List<String> failOn = new ArrayList<>(List.of("unexpected"));

    @Option(names = "--progress", paramLabel = "HOW", defaultValue = "auto",
            description = "Progress on stderr: auto (a live line on a terminal, else a line every 10 s), terminal,"
                    + " plain or none.")
    String progress = "auto";

    @Option(names = "--progress-interval", hidden = true, defaultValue = "10",
            description = "Seconds between plain progress lines.")
    double progressInterval = 10;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ExploreOptions.StrategyKind kind = switch (strategy) {
            case "exhaustive" -> ExploreOptions.StrategyKind.EXHAUSTIVE;
            case "random" -> ExploreOptions.StrategyKind.RANDOM;
            case "pct" -> ExploreOptions.StrategyKind.PCT;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown strategy '" + strategy + "' (exhaustive, random or pct)");
        };
        if (executions < 0 || seconds < 0 || (maxCrashes != null && maxCrashes < 0)
                || (workers != null && workers < 1) || (jobs != null && jobs < 1) || preemptions < -1
                || stuckSeconds <= 0 || splitDepth < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--executions, --seconds and --max-crashes must not be negative, --workers at least 1,"
                            + " --stuck-seconds positive, --split-depth not negative");
        }
        int[] part = shard == null ? new int[] {1, 1} : parseShard(shard);
        Set<FailOn> fail;
        try {
            fail = FailOn.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.valueOf(e.getMessage()));
        }
        ProgressDisplay.Mode shown = progressMode();
        Catalog catalog = catalog();
        List<Scenario<?, ?>> selected = Selection.select(catalog.scenarios(), names, spec.commandLine(), benchmarks);
        int cores = Runtime.getRuntime().availableProcessors();
        int w = workers != null ? workers
                : kind == ExploreOptions.StrategyKind.EXHAUSTIVE && selected.size() > 1 ? 1 : cores;
        ExploreOptions options = ExploreOptions.DEFAULTS.withStrategy(kind).withExecutions(executions)
                .withSeconds(seconds).withSeed(seed).withMaxCrashes(maxCrashes).withPreemptions(preemptions)
                .withReduction(reduction(noReduction ? "none" : reduction)).withWorkers(w).withStuckSeconds(stuckSeconds)
                .withStateCache(!noStateCache).withLazyCrashStates(!noLazyCrashStates).withSplitDepth(splitDepth)
                .withShard(part[0], part[1]).withMoverReduction(!noMoverReduction);
        ReplayLine replayLine = new ReplayLine(catalog.classPath(), maxCrashes, !noMoverReduction, !noLazyCrashStates);
        Output output = json ? new JsonOutput(out, replayLine)
                : new TableOutput(out, trace || selected.size() == 1, replayLine);
        if (replay != null) {
            if (selected.size() != 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--replay needs exactly one scenario name");
            }
            return replayOne(selected.getFirst(), replay, output, fail);
        }
        boolean[] failed = {false};
        java.util.Map<String, Verdict> verdicts = new java.util.concurrent.ConcurrentHashMap<>();
        output.begin();
        int parallel = jobs != null ? jobs : kind == ExploreOptions.StrategyKind.EXHAUSTIVE ? cores : 1;
        ProgressDisplay display = new ProgressDisplay(options, shown, spec.commandLine().getErr(), progressInterval);
        ScenarioRuns.run(selected, options, parallel, display::listener, (s, result) -> {
            display.clear();
            Verdict v = result.verdict();
            if (v == null) {
                // This scenario cannot be checked; say why and go on with the others.
                output.error(s, String.valueOf(result.error()));
                failed[0] = true;
                return;
            }
            verdicts.put(s.name(), v);
            boolean ok = s.asExpected(v) || partHolds(s, v);
            failed[0] |= FailOn.fails(fail, v.label(), ok);
            output.verdict(s, options, v, ok);
            if (html != null && v instanceof Verdict.Violated violated) {
                page(html, s, violated.counterexample(), replayLine);
            }
        });
        for (armada.layers.LayerChain chain : catalog.chains()) {
            if (chain.links().stream().allMatch(l -> verdicts.containsKey(l.scenario()))) {
                output.chain(chain, name -> java.util.Objects.requireNonNull(verdicts.get(name)));
            }
        }
        output.end();
        out.flush();
        return failed[0] ? 1 : 0;
    }

    /** K and N of {@code --shard K/N}. */
    private int[] parseShard(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})/(\\d{1,6})").matcher(text.strip());
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--shard takes K/N with 1 <= K <= N (e.g. 2/4), not '" + text + "'");
        }
        if (!strategy.equals("exhaustive") || preemptions >= 0 || noReduction || !reduction.equals("dpor")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--shard divides the exhaustive search with DPOR; it does not go with --strategy " + strategy
                            + ", --preemptions or another reduction");
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /**
     * A shard whose part found nothing wrong: not a mismatch (the failure a broken scenario is
     * expected to show may be in another part); `armada merge` gives the verdict.
     */
    static boolean partHolds(Scenario<?, ?> s, Verdict v) {
        return v instanceof Verdict.Inconclusive inc
                && v.stats().parts().partial() && inc.reason().startsWith(armada.explore.Explorer.PART_HOLDS);
    }

    private Catalog catalog() {
        try {
            return classPath.catalog();
        } catch (Catalog.CatalogException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.valueOf(e.getMessage()));
        }
    }

    private ProgressDisplay.Mode progressMode() {
        return switch (progress) {
            case "auto" -> java.util.Optional.ofNullable(System.console()).map(java.io.Console::isTerminal).orElse(false)
                    ? ProgressDisplay.Mode.TERMINAL : ProgressDisplay.Mode.PLAIN;
            case "terminal" -> ProgressDisplay.Mode.TERMINAL;
            case "plain" -> ProgressDisplay.Mode.PLAIN;
            case "none" -> ProgressDisplay.Mode.NONE;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--progress takes auto, terminal, plain or none, not '" + progress + "'");
        };
    }

    /**
     * Writes the counterexample's history as a timeline page, judged by the history checker with
     * the scenario's spec (its longest linearizable prefix shows where refinement breaks; for a
     * deadlock or an exception the history may well be linearizable, and the page says what failed).
     */
    private <S> void page(Path dir, Scenario<S, ?> s, Counterexample cx, ReplayLine replayLine) {
        Path file = dir.resolve(s.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".html");
        try {
            History h = History.ofExecution(cx.history());
            HistoryResult r = new HistoryChecker<>(s.spec(), HistoryOptions.DEFAULTS.withSeconds(10)).check(h);
            String note = cx.failure().kind() + ": " + cx.failure().message() + "\nreplay: "
                    + replayLine.command(s.name(), cx.schedule());
            Files.createDirectories(dir);
            Files.writeString(file, HistoryHtml.renderExecution(s.name() + " (counterexample)", note, h, r), StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("armada: " + s.name() + ": no page written to " + file + ": " + e.getMessage());
        }
    }

    private ExploreOptions.Reduction reduction(String name) {
        return switch (name) {
            case "dpor" -> ExploreOptions.Reduction.DPOR;
            case "sleep-sets" -> ExploreOptions.Reduction.SLEEP_SETS;
            case "none" -> ExploreOptions.Reduction.NONE;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown reduction '" + name + "' (dpor, sleep-sets or none)");
        };
    }

    private int replayOne(Scenario<?, ?> s, String schedule, Output output, Set<FailOn> fail) {
        Replay r;
        try {
            r = Explorer.replay(noLazyCrashStates ? s.withLazyCrashStates(false) : s, schedule, maxCrashes,
                    !noMoverReduction);
        } catch (ExploreException e) {
            spec.commandLine().getErr().println("armada: " + s.name() + ": " + e.getMessage());
            return 2;
        }
        output.replay(s, r);
        spec.commandLine().getOut().flush();
        if (r.failure() == null) {
            return 0; // this execution is correct
        }
        boolean asExpected = s.expected().name().equals("VIOLATED") && r.failure().kind().equals(s.expectedFailure());
        return FailOn.fails(fail, "VIOLATED", asExpected) ? 1 : 0;
    }
}
