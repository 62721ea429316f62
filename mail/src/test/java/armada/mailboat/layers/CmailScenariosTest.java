package armada.mailboat.layers;

import static org.assertj.core.api.Assertions.assertThat;

import armada.check.Verdict;
import armada.explore.Expectation;
import armada.explore.ExploreOptions;
import armada.explore.Explorer;
import armada.explore.Scenario;
import armada.layers.LayerChain;
import armada.testing.ShippedScenarioTests;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mailboat in CMAIL's layers: verdicts, reduction, random search, golden traces, the chains. */
class CmailScenariosTest extends ShippedScenarioTests {

    @Override
    protected List<Scenario<?, ?>> scenarios() {
        return new CmailScenarios().scenarios();
    }

    /**
     * The chains' crash links: their plain searches take 24-37 s each on 2 cores (every
     * interleaving of a few thousand reduced executions), so the comparison with the reduced
     * search runs in the long profile; their verdicts are checked by default all the same.
     */
    @Override
    protected boolean unreducedInLongRunOnly(Scenario<?, ?> scenario) {
        return java.util.Set.of("cmail/mail-on-deliver", "cmail/users-on-deliver", "cmail/deliver-on-fs",
                "cmail/deliver-on-fs-users").contains(scenario.name());
    }

    @Test
    void catalog_hasEachLinkAndBrokenVariant() {
        // The default run (no size benchmarks) holds every link of both chains and each broken variant.
        List<Scenario<?, ?>> run = scenarios().stream().filter(s -> !s.benchmark()).toList();
        assertThat(run.stream().filter(s -> s.expected() == Expectation.HOLDS).map(Scenario::name))
                .contains("cmail/mail-on-deliver", "cmail/deliver-on-fs", "cmail/deliver-on-fs-delete",
                        "cmail/users-on-deliver", "cmail/deliver-on-fs-users", "cmail/deliver-on-fs-random",
                        "cmail/layered-2x1", "cmail/flat-2x1");
        assertThat(run.stream().filter(s -> s.expected() == Expectation.VIOLATED)
                .map(s -> s.name() + " " + s.expectedFailure())).containsExactlyInAnyOrder(
                "cmail/unlocked-pickup not-refinement", "cmail/false-mover-link false-mover",
                "cmail/no-tmp-fsync not-refinement", "cmail/undurable-list not-refinement",
                "cmail/mailboat-undurable-pickup not-refinement");
    }

    @Test
    void chains_composeToHolds() {
        // Each chain names shipped scenarios, every link holds, so the composed verdict is HOLDS.
        Map<String, Scenario<?, ?>> byName = new HashMap<>();
        for (Scenario<?, ?> s : scenarios()) {
            byName.put(s.name(), s);
        }
        for (LayerChain chain : new CmailScenarios().chains()) {
            Map<String, Verdict> verdicts = new HashMap<>();
            for (LayerChain.Link l : chain.links()) {
                assertThat(byName).as("the chain names shipped scenarios").containsKey(l.scenario());
                assertThat(byName.get(l.scenario()).benchmark()).as(l.scenario() + " runs by default").isFalse();
                verdicts.put(l.scenario(), Explorer.check(byName.get(l.scenario()), ExploreOptions.DEFAULTS));
            }
            String report = chain.report(verdicts::get);
            assertThat(chain.label(verdicts::get)).as(report).isEqualTo("HOLDS");
            assertThat(report).contains("composed: " + chain.top() + " on fs HOLDS");
        }
    }

    @Test
    void smallestSize_layeredAndFlatAgree() {
        // The same code, layered and composed on the file system, at the same bounds: the same verdict.
        Map<String, Scenario<?, ?>> byName = new HashMap<>();
        for (Scenario<?, ?> s : scenarios()) {
            byName.put(s.name(), s);
        }
        Verdict layered = Explorer.check(byName.get("cmail/layered-2x1"), ExploreOptions.DEFAULTS);
        Verdict flat = Explorer.check(byName.get("cmail/flat-2x1"), ExploreOptions.DEFAULTS);
        assertThat(layered).isInstanceOf(Verdict.Holds.class);
        assertThat(flat).isInstanceOf(Verdict.Holds.class);
    }
}
