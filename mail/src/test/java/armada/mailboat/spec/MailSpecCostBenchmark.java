package armada.mailboat.spec;

import static org.assertj.core.api.Assertions.assertThat;

import armada.check.CheckResult;
import armada.check.Event;
import armada.check.RefinementChecker;
import armada.spec.Op;
import armada.spec.Outcomes;
import armada.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a timed test (the "long" profile runs it; it asserts nothing about time): the
 * cost of the Mailboat spec inside the refinement checker, per spec transition, with message ids
 * chosen when first observed (the shipped spec) and at Deliver (the papers' spec), on the same
 * random histories. Prints transitions per history and nanoseconds per transition.
 *
 * <pre>
 * ./run-tests -Plong -pl mail -am -Dtest=MailSpecCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("long")
class MailSpecCostBenchmark {

    private static final String ALICE = "alice";
    private static final List<String> IDS = List.of("x", "y", "z");
    private static final int HISTORIES = 600;
    private static final int ROUNDS = 5;

    /** Counts the spec's transitions (every call that steps a state). */
    private static final class Counting<S> implements Spec<S> {
        private final Spec<S> inner;
        long transitions;

        Counting(Spec<S> inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public S initial() {
            return inner.initial();
        }

        @Override
        public <R> Outcomes<R, S> step(S state, Op<R> op) {
            transitions++;
            return inner.step(state, op);
        }

        @Override
        public <R> Outcomes<R, S> stepReturning(S state, Op<R> op, @Nullable Object result) {
            transitions++;
            return inner.stepReturning(state, op, result);
        }

        @Override
        public <R> Outcomes<R, S> stepUnobserved(S state, Op<R> op) {
            transitions++;
            return inner.stepUnobserved(state, op);
        }

        @Override
        public Set<S> crash(S state) {
            transitions++;
            return inner.crash(state);
        }
    }

    @Test
    void costPerTransition_lazyAndEagerIds() {
        EagerMailSpec eager = new EagerMailSpec(ALICE, IDS);
        List<List<Event>> histories = new ArrayList<>();
        for (int i = 0; i < HISTORIES; i++) {
            histories.add(MailSpecLazyIdsTest.history(eager, new Random(4242L + i)));
        }
        for (int round = 0; round < ROUNDS; round++) {
            // Interleaved, so that drift on a shared machine hits both alike; round 0 is warm-up.
            double lazy = measure("lazy ids (shipped)", new Counting<>(new MailSpec(Set.of(ALICE), IDS)), histories, round);
            double papers = measure("ids at Deliver (papers)", new Counting<>(new EagerMailSpec(ALICE, IDS)), histories, round);
            assertThat(lazy).isPositive();
            assertThat(papers).isPositive();
        }
    }

    private static <S> double measure(String what, Counting<S> spec, List<List<Event>> histories, int round) {
        RefinementChecker<S> checker = new RefinementChecker<>(spec);
        long start = System.nanoTime();
        int explained = 0;
        for (List<Event> h : histories) {
            CheckResult r = checker.check(h);
            if (r instanceof CheckResult.Explained) {
                explained++;
            }
        }
        long nanos = System.nanoTime() - start;
        double perTransition = (double) nanos / Math.max(1, spec.transitions);
        System.out.printf("round %d %-24s %,d transitions over %d histories (%d explained): %.0f per history,"
                + " %.0f ns per transition, %.1f ms in all%n", round, what, spec.transitions, histories.size(), explained,
                (double) spec.transitions / histories.size(), perTransition, nanos / 1e6);
        return perTransition;
    }
}
