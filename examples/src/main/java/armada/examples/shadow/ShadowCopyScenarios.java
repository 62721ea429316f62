package armada.examples.shadow;

import armada.examples.wal.Pair;
import armada.examples.wal.PairOp.Read;
import armada.examples.wal.PairOp.Write;
import armada.examples.wal.PairSpec;
import armada.explore.Expectation;
import armada.explore.FaultModel;
import armada.explore.Scenario;
import armada.explore.ScenarioSource;
import armada.sim.Durability;
import armada.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The shadow copy's shipped scenarios: the correct shadow copy, and each broken variant. */
public final class ShadowCopyScenarios implements ScenarioSource {

    private static final FaultModel ONE_CRASH = FaultModel.crashes(1);

    @Override
    public List<Scenario<?, ?>> scenarios() {
        List<Scenario<?, ?>> all = new ArrayList<>();
        all.add(base("write-read", ShadowCopy::boot, ShadowCopy::recover)
                .description("a write concurrent with a read; one crash anywhere")
                .thread(new Write(1, 2))
                .thread(new Read())
                .after(new Read())
                .faults(ONE_CRASH)
                .build());
        all.add(base("two-writers", ShadowCopy::boot, ShadowCopy::recover)
                .description("two concurrent writes; one crash anywhere")
                .thread(new Write(1, 2))
                .thread(new Write(3, 4))
                .after(new Read())
                .faults(ONE_CRASH)
                .build());
        all.add(base("reordered", ShadowCopy::boot, ShadowCopy::recover)
                .description("two writes in a row, so both copies are used, on a disk that reorders unsynced"
                        + " writes; two crashes")
                .thread(new Write(1, 2), new Write(3, 4))
                .after(new Read())
                .faults(FaultModel.crashes(2).withDurability(Durability.REORDERED))
                .build());
        all.add(base("no-copy-barrier-ordered", NoCopyBarrier::boot, NoCopyBarrier::recover)
                .description("no barrier between the copy and the pointer, on a disk that keeps write order:"
                        + " correct there")
                .thread(new Write(1, 2))
                .after(new Read())
                .faults(ONE_CRASH.withDurability(Durability.ORDERED))
                .build());
        all.add(crashWrite("flip-before-copy", FlipBeforeCopy::boot, FlipBeforeCopy::recover,
                Durability.IMMEDIATE, "broken: the pointer is flipped before the copy is written"));
        all.add(crashWrite("no-copy-barrier", NoCopyBarrier::boot, NoCopyBarrier::recover,
                Durability.REORDERED, "broken: no barrier between the copy and the pointer, on a disk that"
                        + " reorders unsynced writes"));
        return all;
    }

    private static Scenario.Builder<Pair, ShadowCopy> base(
            String name, Function<World, ShadowCopy> boot, Function<World, ShadowCopy> recover) {
        return Scenario.<Pair, ShadowCopy>builder("shadow/" + name, new PairSpec())
                .disks(1, ShadowCopy.BLOCKS)
                .boot(boot)
                .recover(recover)
                .driver(ShadowCopy::apply);
    }

    private static Scenario<?, ?> crashWrite(String name, Function<World, ShadowCopy> boot,
            Function<World, ShadowCopy> recover, Durability durability, String description) {
        return base(name, boot, recover)
                .description(description)
                .expect(Expectation.VIOLATED)
                .thread(new Write(1, 2))
                .after(new Read())
                .faults(ONE_CRASH.withDurability(durability))
                .build();
    }
}
