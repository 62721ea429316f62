package armada.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import armada.check.Verdict;
import armada.explore.ExploreException;
import armada.explore.ExploreOptions;
import armada.explore.Explorer;
import armada.explore.Scenario;
import armada.layers.BoxSpec.Flip;
import armada.layers.BoxSpec.Get;
import armada.layers.BoxSpec.Put;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mover claims declared on a scenario are checked before its search, and state their bound. */
class MoverClaimsScenarioTest {

    private static final BoxSpec BELOW = new BoxSpec("below", false);

    private static final List<PidOp> DOMAIN = List.of(new PidOp(1, new Put(1)), new PidOp(1, new Get()),
            new PidOp(1, new Flip()), new PidOp(2, new Put(2)), new PidOp(2, new Get()), new PidOp(2, new Flip()));

    private static Scenario<?, ?> with(MoverCheck<Integer> claims) {
        return BoxScenarios.over("box/claims", BELOW).thread(new Put(1)).thread(new Flip()).after(new Get())
                .moverClaims(claims).build();
    }

    @Test
    void trueClaim_holdsAndTheVerdictStatesItsBound() {
        // Flip leaves the box as it is and may return either value wherever it runs: a both mover.
        Verdict v = Explorer.check(with(MoverCheck.of(BELOW, DOMAIN).claim(MoverClaim.of(Flip.class, Mover.BOTH))),
                ExploreOptions.DEFAULTS);
        assertThat(v).isInstanceOf(Verdict.Holds.class);
        assertThat(v.bounds()).contains("movers checked over 3 reachable states");
    }

    @Test
    void falseClaim_isTheScenariosViolation() {
        // Another process's Put after a Get changes what the Get would return if moved later.
        Verdict v = Explorer.check(with(MoverCheck.of(BELOW, DOMAIN).claim(MoverClaim.of(Get.class, Mover.RIGHT))),
                ExploreOptions.DEFAULTS);
        assertThat(v).isInstanceOf(Verdict.Violated.class);
        Verdict.Violated viol = (Verdict.Violated) v;
        assertThat(viol.counterexample().failure().kind()).isEqualTo("false-mover");
        assertThat(viol.counterexample().failure().message()).contains("Get is a right mover").contains("Put");
    }

    @Test
    void falseClaim_failsItsReplayToo() {
        // The replay line a false claim prints must show the same failure, not a correct execution.
        armada.explore.Replay r = Explorer.replay(with(MoverCheck.of(BELOW, DOMAIN)
                .claim(MoverClaim.of(Get.class, Mover.RIGHT))), "-", null);
        assertThat(r.failure()).isNotNull();
        assertThat(r.failure().kind()).isEqualTo("false-mover");
    }

    @Test
    void moverCheckCutByItsStateBound_isInconclusiveNotHolds() {
        Verdict v = Explorer.check(with(MoverCheck.of(BELOW, DOMAIN).maxStates(1)
                .claim(MoverClaim.of(Flip.class, Mover.BOTH))), ExploreOptions.DEFAULTS);
        assertThat(v).isInstanceOf(Verdict.Inconclusive.class);
        assertThat(((Verdict.Inconclusive) v).reason()).contains("mover check's state bound");
    }

    @Test
    void claimAboutNothing_isAOneLineUsageError() {
        MoverClaim<Integer> none = new MoverClaim<>("Take is a left mover", Mover.LEFT,
                c -> c.op() instanceof BoxSpec.Take, (s, c) -> true);
        assertThatThrownBy(() -> Explorer.check(with(MoverCheck.of(BELOW, DOMAIN).claim(none)), ExploreOptions.DEFAULTS))
                .isInstanceOf(ExploreException.class)
                .hasMessageContaining("box/claims: mover claim 'Take is a left mover' is about no call")
                .hasMessageNotContaining("\n");
    }

    @Test
    void layerChain_holdsOnlyWhenEveryLinkHolds() {
        LayerChain chain = new LayerChain("counter", List.of(new LayerChain.Link("x/top", "counter", "lock"),
                new LayerChain.Link("x/bottom", "lock", "tso")));
        Verdict.Stats stats = new Verdict.Stats(5, 0, 0, 0, 0, 0, 0);
        Verdict holds = new Verdict.Holds(stats, "");
        Verdict cut = new Verdict.Inconclusive(stats, "", "time");
        assertThat(chain.label(Map.of("x/top", holds, "x/bottom", holds)::get)).isEqualTo("HOLDS");
        assertThat(chain.label(Map.of("x/top", holds, "x/bottom", cut)::get)).isEqualTo("INCONCLUSIVE");
        assertThat(chain.report(Map.of("x/top", holds, "x/bottom", holds)::get))
                .contains("layer chain counter <- lock <- tso").contains("composed: counter on tso HOLDS")
                .contains("10 executions in all");
    }
}
