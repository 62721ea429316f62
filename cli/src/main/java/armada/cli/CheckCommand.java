package armada.cli;

import armada.check.Verdict;
import armada.explore.ExploreException;
import armada.explore.ExploreOptions;
import armada.explore.Explorer;
import armada.explore.Replay;
import armada.explore.Scenario;
import armada.explore.ScenarioSource;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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

    @Option(names = "--workers", description = "Parallel searches for random and pct (default: one per core).")
    @Nullable Integer workers;

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

    @Option(names = "--trace", description = "Print the full trace of every violation (default: only when one scenario is named).")
    boolean trace;

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
                || stuckSeconds <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--executions, --seconds and --max-crashes must not be negative, --workers at least 1,"
                            + " --stuck-seconds positive");
        }
        List<Scenario<?, ?>> selected = Selection.select(ScenarioSource.all(), names, spec.commandLine(), benchmarks);
        int w = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        ExploreOptions options = ExploreOptions.DEFAULTS.withStrategy(kind).withExecutions(executions)
                .withSeconds(seconds).withSeed(seed).withMaxCrashes(maxCrashes).withPreemptions(preemptions)
                .withReduction(reduction(noReduction ? "none" : reduction)).withWorkers(w).withStuckSeconds(stuckSeconds);
        Output output = json ? new JsonOutput(out) : new TableOutput(out, trace || selected.size() == 1);
        if (replay != null) {
            if (selected.size() != 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--replay needs exactly one scenario name");
            }
            return replayOne(selected.getFirst(), replay, output);
        }
        boolean[] allAsExpected = {true};
        output.begin();
        int parallel = jobs != null ? jobs : kind == ExploreOptions.StrategyKind.EXHAUSTIVE ? w : 1;
        ScenarioRuns.run(selected, options, parallel, (s, result) -> {
            Verdict v = result.verdict();
            if (v == null) {
                // This scenario cannot be checked; say why and go on with the others.
                output.error(s, String.valueOf(result.error()));
                allAsExpected[0] = false;
                return;
            }
            boolean ok = s.asExpected(v);
            allAsExpected[0] &= ok;
            output.verdict(s, options, v, ok);
        });
        output.end();
        out.flush();
        return allAsExpected[0] ? 0 : 1;
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

    private int replayOne(Scenario<?, ?> s, String schedule, Output output) {
        Replay r;
        try {
            r = Explorer.replay(s, schedule, maxCrashes);
        } catch (ExploreException e) {
            spec.commandLine().getErr().println("armada: " + s.name() + ": " + e.getMessage());
            return 2;
        }
        output.replay(s, r);
        spec.commandLine().getOut().flush();
        boolean ok = r.failure() != null ? s.expected().name().equals("VIOLATED") : false;
        return ok ? 0 : 1;
    }
}
