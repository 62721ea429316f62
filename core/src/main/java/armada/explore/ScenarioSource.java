package armada.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A module's shipped scenarios, found with {@link ServiceLoader}: a module lists its sources in
 * {@code META-INF/services/armada.explore.ScenarioSource}.
 */
public interface ScenarioSource {

    List<Scenario<?, ?>> scenarios();

    /** Every shipped scenario on the class path, in a stable order. */
    static List<Scenario<?, ?>> all() {
        List<Scenario<?, ?>> all = new ArrayList<>();
        for (ScenarioSource source : ServiceLoader.load(ScenarioSource.class)) {
            all.addAll(source.scenarios());
        }
        all.sort(Comparator.comparing(Scenario::name));
        return List.copyOf(all);
    }
}
