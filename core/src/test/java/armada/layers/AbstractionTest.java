package armada.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import armada.check.Verdict;
import armada.explore.ExploreException;
import armada.explore.ExploreOptions;
import armada.explore.Explorer;
import armada.layers.BoxSpec.Get;
import armada.layers.BoxSpec.Put;
import armada.spec.Op;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.spec.Unit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An abstraction is checked step by step over the lower layer's reachable states. */
class AbstractionTest {

    private static final BoxSpec LOWER = new BoxSpec("below", false);
    private static final BoxSpec UPPER = new BoxSpec("box", false);
    private static final List<PidOp> DOMAIN = List.of(new PidOp(1, new Put(1)), new PidOp(2, new Put(2)),
            new PidOp(1, new Get()), new PidOp(2, new Get()));

    private static String broken(LayerReport r) {
        assertThat(r).as(r.toString()).isInstanceOf(LayerReport.Broken.class);
        LayerReport.Broken b = (LayerReport.Broken) r;
        assertThat(b.failure().kind()).isEqualTo("abstraction-broken");
        return b.failure().message();
    }

    @Test
    void identity_holdsOverEveryReachableState() {
        LayerReport r = Abstraction.of(LOWER, UPPER, DOMAIN, v -> v).invariant("the box holds 0 to 2", v -> v <= 2).run();
        assertThat(r).isEqualTo(new LayerReport.Checked("abstraction below -> box checked over 3 reachable lower"
                + " states, 12 steps, 1 invariant", true));
    }

    @Test
    void aStepTheUpperLayerCannotMatch_isReportedWithTheStepAndBothStates() {
        // Abstracting every value to 0 loses the Put: from 0, p1 Put(1) ends in 1, which abstracts
        // to 0, but the box above ends in 1.
        String m = broken(Abstraction.of(LOWER, UPPER, DOMAIN, v -> 0).run());
        assertThat(m).contains("abstraction below -> box is broken: step p1 Put[value=1] from lower state 0"
                + " (abstracts to 0; the initial state): the lower layer gives () ending in 1 (abstracts"
                + " to 0); the upper layer from 0 gives () ending in 1");
    }

    @Test
    void aBrokenInvariant_namesItTheStateAndHowItIsReached() {
        String m = broken(Abstraction.of(LOWER, UPPER, DOMAIN, v -> v).invariant("the box holds at most 1", v -> v <= 1)
                .run());
        assertThat(m).contains("invariant 'the box holds at most 1' does not hold in lower state 2 (abstracts to 2;"
                + " reached from the initial state by p2 Put[value=2])");
    }

    @Test
    void undefinedBelowWhereTheUpperLayerIsDefined_isBroken() {
        // Above, Bad does nothing; below, it is undefined: code above could break the layer below unseen.
        Spec<Integer> lenient = new Spec<>() {
            @Override
            public String name() {
                return "lenient";
            }

            @Override
            public Integer initial() {
                return 0;
            }

            @Override
            public <R> Outcomes<R, Integer> step(Integer s, Op<R> op) {
                @SuppressWarnings("unchecked")
                Outcomes<R, Integer> nothing = (Outcomes<R, Integer>) Outcomes.one(Unit.UNIT, s);
                return op instanceof BoxSpec.Bad ? nothing : UPPER.step(s, op);
            }

            @Override
            public Set<Integer> crash(Integer s) {
                return Set.of(s);
            }
        };
        String m = broken(Abstraction.of(LOWER, lenient, List.of(new PidOp(1, new BoxSpec.Bad())), v -> v).run());
        assertThat(m).isEqualTo("abstraction below -> lenient is broken: step p1 Bad[] from lower state 0 (abstracts"
                + " to 0; the initial state): undefined in the lower layer, but the upper layer gives () ending in 0");
    }

    @Test
    void aLowerCrashTheUpperLayerCannotMatch_isBroken() {
        // The lower box may lose its value at a crash; the box above keeps it.
        String m = broken(Abstraction.of(new BoxSpec("below", true), UPPER, DOMAIN, v -> v).run());
        assertThat(m).contains("a crash in lower state 1").contains("may leave 0");
    }

    @Test
    void theErrorStateMatchesEveryLowerOutcome() {
        // Above, 2 is the error state: the lower Put(2) may end anywhere, and nothing is checked after it.
        LayerReport r = Abstraction.of(LOWER, UPPER, DOMAIN, v -> v == 2 ? 2 : 0)
                .errorState(v -> v == 2).run();
        assertThat(broken(r)).contains("step p1 Put[value=1]");
        LayerReport ok = Abstraction.of(LOWER, UPPER, List.of(new PidOp(2, new Put(2)), new PidOp(1, new Get())),
                v -> v == 2 ? 2 : 0).errorState(v -> v == 2).run();
        assertThat(ok).isInstanceOf(LayerReport.Checked.class);
    }

    @Test
    void aCutExploration_makesTheScenarioInconclusive() {
        Abstraction<Integer, Integer> cut = Abstraction.of(LOWER, UPPER, DOMAIN, v -> v).maxStates(1);
        assertThat(cut.run()).isEqualTo(new LayerReport.Checked(
                "abstraction below -> box checked over 1 lower states (cut by the state bound), 4 steps", false));
        Verdict v = Explorer.check(BoxScenarios.over("box/abstraction-cut", LOWER).thread(new Put(1)).after(new Get())
                .layerCheck(cut).build(), ExploreOptions.DEFAULTS);
        assertThat(v).isInstanceOf(Verdict.Inconclusive.class);
        assertThat(((Verdict.Inconclusive) v).reason()).isEqualTo("a layer check's state bound cut the layer's states");
        assertThat(v.bounds()).contains("cut by the state bound");
    }

    @Test
    void aBrokenAbstractionOnAScenario_isItsViolationAndItsReplaysToo() {
        var s = BoxScenarios.over("box/abstraction-broken", LOWER).thread(new Put(1)).after(new Get())
                .layerCheck(Abstraction.of(LOWER, UPPER, DOMAIN, v -> 0)).build();
        Verdict v = Explorer.check(s, ExploreOptions.DEFAULTS);
        assertThat(v).isInstanceOf(Verdict.Violated.class);
        assertThat(((Verdict.Violated) v).counterexample().failure().kind()).isEqualTo("abstraction-broken");
        assertThat(v.stats().executions()).isZero();
        assertThat(Explorer.replay(s, "-", null).failure()).isNotNull()
                .extracting(f -> f.kind()).isEqualTo("abstraction-broken");
    }

    @Test
    void noCalls_isAOneLineUsageError() {
        var s = BoxScenarios.over("box/abstraction-empty", LOWER).thread(new Put(1))
                .layerCheck(Abstraction.of(LOWER, UPPER, List.of(), v -> v)).build();
        assertThatThrownBy(() -> Explorer.check(s, ExploreOptions.DEFAULTS)).isInstanceOf(ExploreException.class)
                .hasMessage("box/abstraction-empty: the abstraction below -> box has no calls in its domain");
    }
}
