package armada.layers;

import static org.assertj.core.api.Assertions.assertThat;

import armada.check.TraceLine;
import armada.check.Verdict;
import armada.explore.ExploreOptions;
import armada.explore.Explorer;
import armada.explore.FaultModel;
import armada.explore.Scenario;
import armada.layers.BoxSpec.Bad;
import armada.layers.BoxSpec.Flip;
import armada.layers.BoxSpec.Get;
import armada.layers.BoxSpec.Put;
import armada.layers.BoxSpec.Take;
import armada.spec.Op;
import armada.world.LowerLayer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A spec run as the World of the layer above: each lower call one step, every outcome tried,
 * disabled calls wait, the crash step applies at a crash and handles die with their generation.
 */
class LayerWorldTest {

    private static final ExploreOptions OPTIONS = ExploreOptions.DEFAULTS.withSeconds(120);

    private static Verdict.Violated violated(Scenario<?, ?> s, String kind) {
        Verdict v = Explorer.check(s, OPTIONS);
        assertThat(v).as(s.name()).isInstanceOf(Verdict.Violated.class);
        Verdict.Violated viol = (Verdict.Violated) v;
        assertThat(viol.counterexample().failure().kind()).as(viol.counterexample().failure().message())
                .isEqualTo(kind);
        return viol;
    }

    private static String trace(Verdict.Violated v) {
        return String.join("\n", v.counterexample().trace().stream().map(TraceLine::toString).toList());
    }

    @Test
    void identityOverAKeepingBox_holdsWithACrash() {
        // Each call of the layer above is one call of the same spec below: the same behaviours.
        Scenario<?, ?> s = BoxScenarios.over("box/identity", new BoxSpec("below", false))
                .thread(new Put(1)).thread(new Put(2), new Get()).after(new Get())
                .faults(FaultModel.crashes(1)).build();
        Verdict v = Explorer.check(s, OPTIONS);
        assertThat(v).isInstanceOf(Verdict.Holds.class);
        assertThat(v.stats().executions()).isGreaterThan(1);
    }

    @Test
    void lowerCrashStepThatLosesTheValue_isExploredAndCaught() {
        // The box above keeps a returned Put across a crash; the one below may lose it: the
        // crash step's second state must be tried, and recovery then reads 0.
        Verdict.Violated v = violated(BoxScenarios.over("box/losing", new BoxSpec("below", true))
                .thread(new Put(1)).after(new Get()).faults(FaultModel.crashes(1)).build(), "not-refinement");
        assertThat(trace(v)).contains("below after the crash (state 1 of 2): 0");
    }

    @Test
    void everyOutcomeOfALowerStep_isTried() {
        // Above, Flip only ever returns 0; below it may return 1: only the second outcome shows it.
        BoxSpec above = new BoxSpec("box", false, true);
        Verdict.Violated v = violated(BoxScenarios.over("box/flip", above, new BoxSpec("below", false))
                .thread(new Flip()).build(), "not-refinement");
        assertThat(trace(v)).contains("below: Flip[] -> 1 (outcome 2 of 2)");
        assertThat(v.counterexample().schedule()).contains("r1");
    }

    @Test
    void disabledLowerCall_waitsUntilAnotherThreadEnablesIt() {
        // Take is disabled while the box holds 0: t0 waits for t1's Put instead of failing.
        Verdict v = Explorer.check(BoxScenarios.over("box/take", new BoxSpec("below", false))
                .thread(new Take()).thread(new Put(5)).after(new Get()).build(), OPTIONS);
        assertThat(v).isInstanceOf(Verdict.Holds.class);
    }

    @Test
    void disabledLowerCall_thatNothingEnables_waitsForever() {
        // The attempt saw Take disabled; nothing will change the layer: the thread waits forever.
        Verdict.Violated v = violated(BoxScenarios.over("box/no-put", new BoxSpec("below", false))
                .thread(new Take()).build(), "livelock");
        assertThat(v.counterexample().failure().message()).contains("spins on layer below");
    }

    @Test
    void undefinedLowerStep_isTheCallersFault() {
        Verdict.Violated v = violated(BoxScenarios.over("box/bad", new BoxSpec("below", false))
                .thread(new Put(1), new Bad()).build(), "layer-undefined");
        assertThat(v.counterexample().failure().message()).contains("Bad[]").contains("below");
    }

    @Test
    void handleKeptAcrossACrash_isAStaleObject() {
        // The handle is volatile, like a file descriptor: recovery must open the layer again.
        BoxSpec below = new BoxSpec("below", false);
        List<LowerLayer<Integer>> kept = new ArrayList<>();
        Scenario<Integer, BoxScenarios.PassThrough> s = Scenario.<Integer, BoxScenarios.PassThrough>builder(
                        "box/stale", new BoxSpec("box", false))
                .boot(w -> {
                    kept.clear();
                    kept.add(BoxScenarios.open(w, below));
                    return new BoxScenarios.PassThrough(kept.getFirst());
                })
                .recover(w -> new BoxScenarios.PassThrough(kept.getFirst()))
                .driver(BoxScenarios.PassThrough::apply)
                .thread(new Put(1)).after(new Get()).faults(FaultModel.crashes(1)).build();
        violated(s, "stale-object");
    }

    /** Take above, implemented by spinning on Get below until it is not 0, then a Put of 0. */
    private static Object spinningTake(BoxScenarios.PassThrough impl, Op<?> op) {
        if (op instanceof Take) {
            int v;
            while ((v = impl.below().call(new Get())) == 0) {
                // spin: the checker lets this thread wait until the box changes
            }
            impl.below().call(new Put(0));
            return v;
        }
        return impl.apply(op);
    }

    private static Scenario.Builder<Integer, BoxScenarios.PassThrough> spinning(String name) {
        BoxSpec below = new BoxSpec("below", false);
        return Scenario.<Integer, BoxScenarios.PassThrough>builder(name, new BoxSpec("box", false))
                .boot(w -> new BoxScenarios.PassThrough(BoxScenarios.open(w, below)))
                .driver(LayerWorldTest::spinningTake);
    }

    @Test
    void spinOnALowerLayer_waitsForAChangeInsteadOfRunningOutOfSteps() {
        Verdict v = Explorer.check(spinning("box/spin").thread(new Take()).thread(new Put(3)).build(), OPTIONS);
        assertThat(v).isInstanceOf(Verdict.Holds.class);
    }

    @Test
    void spinOnALowerLayerThatNothingChanges_isALivelock() {
        violated(spinning("box/spin-forever").thread(new Take()).build(), "livelock");
    }
}
