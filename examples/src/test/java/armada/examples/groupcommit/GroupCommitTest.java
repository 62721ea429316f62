package armada.examples.groupcommit;

import static org.assertj.core.api.Assertions.assertThat;

import armada.check.Verdict;
import armada.explore.ExploreOptions;
import armada.explore.Explorer;
import armada.explore.FaultModel;
import armada.explore.Scenario;
import armada.world.Durability;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Group commit's spec, and why the early acknowledgement needs a deferred durability model. */
class GroupCommitTest {

    @Test
    void specCrash_dropsBufferedKeepsDurable() {
        // The spec's whole promise: what a returned Commit covered survives, the buffer does not.
        GroupCommitSpec spec = new GroupCommitSpec(3);
        GroupCommitSpec.State s = new GroupCommitSpec.State(List.of(1), List.of(2));
        assertThat(spec.crash(s)).containsExactly(new GroupCommitSpec.State(List.of(1), List.of()));
    }

    @Test
    void earlyAck_underImmediateDurability_holds() {
        // The header is durable the moment it is written, so the missing barrier cannot show.
        Verdict v = Explorer.check(earlyAck().withFaults(FaultModel.crashes(1).withDurability(Durability.IMMEDIATE)),
                ExploreOptions.DEFAULTS);
        assertThat(v).isInstanceOf(Verdict.Holds.class);
    }

    @Test
    void earlyAck_underReorderedDurability_violated() {
        // Per-block survival includes the state that loses the header.
        Verdict v = Explorer.check(earlyAck().withFaults(FaultModel.crashes(1).withDurability(Durability.REORDERED)),
                ExploreOptions.DEFAULTS);
        assertThat(v).isInstanceOf(Verdict.Violated.class);
    }

    private static Scenario<?, ?> earlyAck() {
        return new GroupCommitScenarios().scenarios().stream()
                .filter(s -> s.name().equals("group-commit/early-ack")).findFirst().orElseThrow();
    }
}
