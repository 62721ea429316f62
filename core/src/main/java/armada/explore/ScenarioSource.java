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

    /**
     * The chains of layer checks these scenarios make up (CSPEC section 5.3), each link a
     * scenario of this source; {@code armada check} reports a chain when it has checked all its links.
     */
    default List<armada.layers.LayerChain> chains() {
        return List.of();
    }

    /** Every shipped chain of layer checks on the class path. */
    static List<armada.layers.LayerChain> allChains() {
        List<armada.layers.LayerChain> all = new ArrayList<>();
        for (ScenarioSource source : ServiceLoader.load(ScenarioSource.class)) {
            all.addAll(source.chains());
        }
        return List.copyOf(all);
    }

    /** Every shipped scenario on the class path, in a stable order. */
    static List<Scenario<?, ?>> all() {
        List<Scenario<?, ?>> all = new ArrayList<>();
        for (ScenarioSource source : ServiceLoader.load(ScenarioSource.class)) {
            all.addAll(source.scenarios());
        }
        all.sort(Comparator.comparing(Scenario::name));
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).name().equals(all.get(i - 1).name())) {
                throw new IllegalArgumentException("two scenarios are named " + all.get(i).name()
                        + ": every scenario on the class path needs its own name");
            }
        }
        return List.copyOf(all);
    }
}
