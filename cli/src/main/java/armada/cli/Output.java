package armada.cli;

import armada.check.Verdict;
import armada.explore.ExploreOptions;
import armada.explore.Replay;
import armada.explore.Scenario;

/** How {@code armada check} prints: a verdict table for people, or JSON lines for tools. */
interface Output {

    void begin();

    void verdict(Scenario<?, ?> scenario, ExploreOptions options, Verdict verdict, boolean asExpected);

    void replay(Scenario<?, ?> scenario, Replay replay);

    /** The scenario could not be checked at all (for example its code depends on something outside the World). */
    void error(Scenario<?, ?> scenario, String message);

    /** A chain of layer checks whose every link was checked in this run, with their verdicts. */
    default void chain(armada.layers.LayerChain chain, java.util.function.Function<String, Verdict> verdicts) {
    }

    void end();
}
