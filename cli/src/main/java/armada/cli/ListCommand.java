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

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        for (Scenario<?, ?> s : ScenarioSource.all()) {
            out.print(s.name() + "\t" + s.expected().label() + (s.benchmark() ? "\tbenchmark" : "") + "\n");
        }
        out.flush();
        return 0;
    }
}
