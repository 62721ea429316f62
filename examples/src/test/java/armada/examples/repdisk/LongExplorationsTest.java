package armada.examples.repdisk;

import static org.assertj.core.api.Assertions.assertThat;

import armada.check.Verdict;
import armada.examples.repdisk.DiskOp.Read;
import armada.examples.repdisk.DiskOp.Write;
import armada.explore.ExploreOptions;
import armada.explore.Explorer;
import armada.explore.FaultModel;
import armada.explore.Scenario;
import armada.world.Block;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bigger exhaustive explorations than the default run affords. Run with {@code ./run-tests -Plong}.
 */
@Tag("long")
class LongExplorationsTest {

    private static Scenario.Builder<ReplicatedDiskSpec.State, ReplicatedDisk> base(String name) {
        return Scenario.<ReplicatedDiskSpec.State, ReplicatedDisk>builder("replicated-disk/" + name,
                        new ReplicatedDiskSpec(2))
                .disks(2, 2)
                .boot(ReplicatedDisk::boot)
                .recover(ReplicatedDisk::recover)
                .driver(ReplicatedDisk::apply);
    }

    @Test
    void threeThreadsWithTwoCrashesAndAFailure_holds() {
        // The correct replicated disk under three clients, crashes in recovery and a failure.
        Scenario<?, ?> s = base("three-threads")
                .thread(new Write(0, Block.filled(1)))
                .thread(new Write(0, Block.filled(2)))
                .thread(new Read(0), new Write(1, Block.filled(3)))
                .after(new Read(0), new Read(1))
                .faults(new FaultModel(2, 1))
                .build();
        Verdict v = Explorer.check(s, ExploreOptions.DEFAULTS.withSeconds(1800));
        assertThat(v).isInstanceOf(Verdict.Holds.class);
    }

    @Test
    void benchmarkWithoutReduction_holdsLikeWithIt() {
        // Plain DFS over every interleaving reaches the same verdict as the reduced search.
        Scenario<?, ?> s = new ReplicatedDiskScenarios().scenarios().stream()
                .filter(x -> x.name().equals("replicated-disk/bench-2x2")).findFirst().orElseThrow();
        Verdict plain = Explorer.check(s, ExploreOptions.DEFAULTS.withSeconds(1800).withReduction(false));
        Verdict reduced = Explorer.check(s, ExploreOptions.DEFAULTS.withSeconds(1800));
        assertThat(plain).isInstanceOf(Verdict.Holds.class);
        assertThat(reduced).isInstanceOf(Verdict.Holds.class);
        assertThat(plain.stats().executions()).isGreaterThan(100 * reduced.stats().executions());
    }
}
