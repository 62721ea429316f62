package armada.junit;

import org.junit.jupiter.api.Test;

/**
 * Test classes that {@link ArmadaTest}s and {@code Armada.check} are tried on: run by
 * {@link FixtureRun} from the real tests, never by Surefire itself (nested classes are not).
 */
final class ArmadaFixtures {

    private ArmadaFixtures() {
    }

    static final class Correct {
        @ArmadaTest
        void locked() {
            Armada.check(Counters.correct());
        }
    }

    static final class Broken {
        @ArmadaTest
        void racy() {
            Armada.check(Counters.racy());
        }
    }

    static final class Budget {
        @ArmadaTest
        void cutShort() {
            Armada.checker().executions(1).check(Counters.correct());
        }

        @ArmadaTest(inconclusive = Inconclusive.WARN)
        void cutShortWarns() {
            Armada.checker().executions(1).check(Counters.correct());
        }
    }

    static final class Plain {
        @Test
        void racyWithoutExtension() {
            Armada.check(Counters.racy());
        }
    }

    static final class Expected {
        @ArmadaTest
        void brokenVariant() {
            Armada.check(Counters.twoIncrements("racy-expected", Counters.RacyCounter::new)
                    .expectViolation("data-race").build());
        }

        @ArmadaTest
        void brokenVariantThatHolds() {
            Armada.check(Counters.twoIncrements("locked-expected", Counters.Counter::new)
                    .expectViolation("data-race").build());
        }
    }
}
