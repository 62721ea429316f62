package armada.examples;

import armada.testing.CheckedCodeRules;
import org.junit.jupiter.api.Test;

/** The examples' implementations and their broken variants obey the checked-code rules. */
class CheckedCodeRulesTest {

    @Test
    void examples_obeyEveryRule() {
        // Anything outside the World would be invisible to the simulator; the scenario
        // catalogues (*Scenarios, ScenarioSource) set up checks and are left out by the rules.
        CheckedCodeRules.forPackage("armada.examples").check();
    }
}
