package armada.check;

import static org.assertj.core.api.Assertions.assertThat;

import armada.check.BruteForceChecker.Verdict;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The checker agrees with a brute-force reference on small random histories. */
class RefinementCheckerPropertyTest {

    @Property(tries = 1000, seed = "20261121")
    void randomHistory_checkerAgreesWithBruteForce(@ForAll("histories") RandomHistory h) {
        // The reference tries every order of spec steps the history allows, so any difference is
        // a bug in one of them; the verdict, vacuity and failing event must all agree.
        Verdict expected = new BruteForceChecker<>(h.spec()).check(h.events());
        CheckResult actual = new RefinementChecker<>(h.spec()).check(h.events());

        assertThat(Verdict.of(actual)).isEqualTo(expected);

        long crashes = h.events().stream().filter(e -> e instanceof Event.Crash).count();
        Statistics.label("verdict").collect(!expected.explained() ? "unexplained"
                : expected.vacuous() ? "vacuous" : "explained");
        Statistics.label("crashes").collect(crashes);
        Statistics.label("verdict").coverage(c -> {
            // Both kinds must be common, or the property would test little.
            c.check("explained").percentage(p -> p > 15);
            c.check("unexplained").percentage(p -> p > 15);
            c.check("vacuous").percentage(p -> p > 3);
        });
        Statistics.label("crashes").coverage(c -> {
            c.check(1L).percentage(p -> p > 10);
            c.check(2L).percentage(p -> p > 5);
        });
    }

    @Provide
    Arbitrary<RandomHistory> histories() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(2, 3),
                        Arbitraries.integers().between(0, 9_999).list().ofMaxSize(24))
                .as(RandomHistory::of);
    }
}
