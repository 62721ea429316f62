package armada.examples.tso;

import static org.assertj.core.api.Assertions.assertThat;

import armada.check.Verdict;
import armada.explore.ExploreOptions;
import armada.explore.Explorer;
import armada.explore.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Every TSO counter scenario with mover claims gets the same verdict (and the same kind of
 * failure) with calls glued by its checked movers as with every layer call a scheduling point,
 * in no more executions; the figures are those of docs/PERFORMANCE.md.
 */
class MoverReductionVerdictsTest {

    @Test
    void scenariosWithMoverClaims_sameVerdictWithAndWithoutTheReduction() {
        int withClaims = 0;
        StringBuilder table = new StringBuilder("scenario | without | with\n");
        for (Scenario<?, ?> s : new TsoCounterScenarios().scenarios()) {
            if (s.moverClaims() == null) {
                continue;
            }
            withClaims++;
            Verdict with = Explorer.check(s, ExploreOptions.DEFAULTS);
            Verdict without = Explorer.check(s, ExploreOptions.DEFAULTS.withMoverReduction(false));
            assertThat(with.label()).as(s.name()).isEqualTo(without.label());
            assertThat(s.asExpected(with)).as(s.name() + ": " + with).isTrue();
            if (with instanceof Verdict.Violated v) {
                assertThat(v.counterexample().failure().kind()).as(s.name())
                        .isEqualTo(((Verdict.Violated) without).counterexample().failure().kind());
            }
            assertThat(with.stats().executions()).as(s.name()).isLessThanOrEqualTo(without.stats().executions());
            if (s.name().equals("tso-counter/counter-on-lock-3")) {
                // Three increments of four calls each: glued, two orders of magnitude fewer executions.
                assertThat(with.stats().executions() * 100).as(s.name()).isLessThan(without.stats().executions());
            }
            table.append(s.name()).append(" | ").append(without.stats().executions()).append(" | ")
                    .append(with.stats().executions()).append('\n');
        }
        System.out.print(table);
        assertThat(withClaims).isGreaterThanOrEqualTo(4);
    }
}
