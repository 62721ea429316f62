package armada.cli;

import armada.explore.Scenario;
import armada.explore.ScenarioSource;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code armada list}: one line per shipped scenario, {@code NAME<TAB>holds|violated}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the shipped scenarios with their expected verdicts.")
final class ListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--benchmarks", description = "Also list the size benchmarks (scale-*), which"
            + " check leaves out unless named or given --benchmarks.")
    boolean benchmarks;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        for (Scenario<?, ?> s : ScenarioSource.all()) {
            if (benchmarks || !s.benchmark()) {
                out.print(s.name() + "\t" + s.expected().label() + "\n");
            }
        }
        out.flush();
        return 0;
    }
}
