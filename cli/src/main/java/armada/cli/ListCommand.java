package armada.cli;

import armada.explore.Scenario;
import armada.explore.ScenarioSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code armada list}: one line per shipped scenario, {@code NAME<TAB>holds|violated}. */
@Command(name = "list", description = "Lists the shipped scenarios with their expected verdicts.")
final class ListCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        for (Scenario<?, ?> s : ScenarioSource.all()) {
            System.out.println(s.name() + "\t" + s.expected().label());
        }
        return 0;
    }
}
