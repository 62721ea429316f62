package armada.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The history checker against {@link ReferenceChecker} on thousands of small random recorded
 * histories (crashes, crashes during recovery, operations given up on, failed, invoked during a
 * crash episode, never returned), for deterministic and nondeterministic register specs, with and
 * without undefined behaviour: the verdicts (and vacuity) must be equal, and every linearization
 * the checker returns must explain its history on its own ({@link Witness}).
 */
class ReferenceAgreementTest {

    private static final int HISTORIES = 1500;

    @ParameterizedTest(name = "{0}, toss {1}, poison {2}")
    @CsvSource({
            "register,       false, false",
            "register,       true,  false",
            "register,       true,  true",
            "lossy register, false, false",
            "lossy register, true,  true",
    })
    void randomHistories_sameVerdictAsReference(String specName, boolean toss, boolean poison) {
        TestRegister spec = specName.startsWith("lossy") ? TestRegister.lossy() : TestRegister.keeping();
        HistoryChecker<Integer> checker = new HistoryChecker<>(spec, HistoryOptions.DEFAULTS.withSeconds(0));
        ReferenceChecker<Integer> reference = new ReferenceChecker<>(spec);
        Map<ReferenceChecker.Answer, Integer> counts = new EnumMap<>(ReferenceChecker.Answer.class);
        for (long seed = 0; seed < HISTORIES; seed++) {
            List<RecordedEvent> events = RandomRecording.of(seed * 7919 + specName.length(), 1 + (int) (seed % 3), toss, poison);
            History h = History.of(events);

            HistoryResult result = checker.check(h);
            ReferenceChecker.Answer expected = reference.check(events);

            assertThat(answer(result)).as("seed %s: %s%n%s", seed, result, String.join("\n", events.stream().map(Object::toString).toList()))
                    .isEqualTo(expected);
            if (result instanceof HistoryResult.Linearizable l && !l.vacuous()) {
                Witness.assertExplains(spec, h, l.linearizations().getFirst().steps());
            }
            counts.merge(expected, 1, Integer::sum);
        }
        // The generator must produce both verdicts in numbers (and vacuous ones when Poison is on),
        // or the agreement above would say little.
        assertThat(counts.getOrDefault(ReferenceChecker.Answer.LINEARIZABLE, 0)).as(counts.toString()).isGreaterThan(HISTORIES / 10);
        assertThat(counts.getOrDefault(ReferenceChecker.Answer.NOT_LINEARIZABLE, 0)).as(counts.toString()).isGreaterThan(HISTORIES / 10);
        if (poison) {
            assertThat(counts.getOrDefault(ReferenceChecker.Answer.VACUOUS, 0)).as(counts.toString()).isGreaterThan(HISTORIES / 100);
        }
    }

    private static ReferenceChecker.Answer answer(HistoryResult r) {
        return switch (r) {
            case HistoryResult.Linearizable l -> l.vacuous() ? ReferenceChecker.Answer.VACUOUS : ReferenceChecker.Answer.LINEARIZABLE;
            case HistoryResult.NotLinearizable n -> ReferenceChecker.Answer.NOT_LINEARIZABLE;
            case HistoryResult.Inconclusive i -> throw new AssertionError("inconclusive on a small history: " + i);
        };
    }
}
