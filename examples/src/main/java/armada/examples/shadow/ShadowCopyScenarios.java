package armada.examples.shadow;

import armada.examples.wal.PairScenarios;
import armada.explore.Scenario;
import armada.explore.ScenarioSource;
import armada.world.Durability;
import java.util.List;

/** The shadow copy's shipped scenarios: the correct shadow copy, and each broken variant. */
public final class ShadowCopyScenarios implements ScenarioSource {

    @Override
    public List<Scenario<?, ?>> scenarios() {
        PairScenarios<ShadowCopy> s = new PairScenarios<>("shadow", ShadowCopy.BLOCKS, ShadowCopy::apply);
        return List.of(
                s.writeRead(ShadowCopy::boot, ShadowCopy::recover),
                s.twoWriters(ShadowCopy::boot, ShadowCopy::recover),
                s.reordered(ShadowCopy::boot, ShadowCopy::recover, "two writes in a row, so both copies are"
                        + " used, on a disk that reorders unsynced writes; two crashes"),
                s.crashWrite("no-copy-barrier-ordered", NoCopyBarrier::boot, NoCopyBarrier::recover,
                        Durability.ORDERED, null, "no barrier between the copy and the pointer, on a"
                                + " disk that keeps write order: correct there"),
                s.crashWrite("flip-before-copy", FlipBeforeCopy::boot, FlipBeforeCopy::recover, Durability.IMMEDIATE,
                        "not-refinement", "broken: the pointer is flipped before the copy is written"),
                s.crashWrite("no-copy-barrier", NoCopyBarrier::boot, NoCopyBarrier::recover, Durability.REORDERED,
                        "not-refinement", "broken: no barrier between the copy and the pointer, on a disk that"
                                + " reorders unsynced writes"));
    }
}
