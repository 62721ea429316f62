package armada.examples;

import armada.explore.Scenario;
import armada.explore.ScenarioSource;
import armada.testing.ShippedScenarioTests;
import java.util.List;

/** Every scenario the examples ship: verdicts, reduction, random search, golden traces. */
class ExampleScenariosTest extends ShippedScenarioTests {

    @Override
    protected List<Scenario<?, ?>> scenarios() {
        return ScenarioSource.all();
    }
}
