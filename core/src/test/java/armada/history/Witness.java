package armada.history;

import static org.assertj.core.api.Assertions.assertThat;

import armada.spec.Op;
import armada.spec.Outcome;
import armada.spec.Spec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a linearization the history checker returned, on its own: it holds every operation that
 * returned and every crash step once, no failed operation, each step in an order real time allows
 * and in a state the spec's step (with the observed result) or crash step can lead to.
 */
final class Witness {

    private static final long NEVER = Long.MAX_VALUE;

    private Witness() {
    }

    static <S> void assertExplains(Spec<S> spec, History h, List<Step> steps) {
        Set<Operation> placed = new HashSet<>();
        Set<Integer> crashSteps = new HashSet<>();
        for (Step s : steps) {
            if (s.isCrash()) {
                assertThat(crashSteps.add(s.episode())).as("crash step of episode %s once", s.episode()).isTrue();
            } else {
                Operation o = Objects.requireNonNull(s.operation());
                assertThat(placed.add(o)).as("%s placed once", o.describe()).isTrue();
                assertThat(o.status()).as(o.describe()).isNotEqualTo(Operation.Status.FAILED);
            }
        }
        for (Operation o : h.operations()) {
            if (o.returned()) {
                assertThat(placed).as("every returned operation is placed").contains(o);
            }
        }
        for (int e = 0; e < h.episodes().size(); e++) {
            assertThat(crashSteps.contains(e)).as("crash step of episode %s", e).isEqualTo(h.episodes().get(e).recovered());
        }
        List<long[]> windows = new ArrayList<>();
        for (Step s : steps) {
            windows.add(window(h, s));
        }
        for (int a = 0; a < steps.size(); a++) {
            for (int b = a + 1; b < steps.size(); b++) {
                assertThat(windows.get(b)[1] < windows.get(a)[0])
                        .as("%s is placed before %s, which real time puts first", steps.get(a).describe(), steps.get(b).describe())
                        .isFalse();
            }
            assertThat(windows.get(a)[0] <= windows.get(a)[1]).as("%s can take effect", steps.get(a).describe()).isTrue();
        }
        Object state = spec.initial();
        for (Step s : steps) {
            assertThat(successors(spec, state, s)).as("from %s, %s", state, s.describe()).contains(s.state());
            state = s.state();
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> List<Object> successors(Spec<S> spec, Object state, Step s) {
        List<Object> nexts = new ArrayList<>();
        Operation o = s.operation();
        if (o == null) {
            nexts.addAll(spec.crash((S) state));
            return nexts;
        }
        Op<?> op = o.op();
        for (Outcome<?, S> out : spec.step((S) state, op).list()) {
            if (!o.returned() || Objects.deepEquals(out.result(), o.result())) {
                nexts.add(out.next());
            }
        }
        return nexts;
    }

    /** When the step may take effect, in quarters of events: {start, deadline}. */
    private static long[] window(History h, Step s) {
        Operation o = s.operation();
        if (o == null) {
            long r = h.episodes().get(s.episode()).recoveredAt();
            return new long[] {4 * r + 2, 4 * r + 2};
        }
        long start = 4L * o.invokedAt() + 1;
        if (o.startsAfterRecovery()) {
            start = 4L * recoveryAfter(h, o.invokedAt()) + 3;
        }
        long deadline = NEVER;
        if (o.returned()) {
            deadline = 4L * o.endedAt() - 1;
        } else if (o.cutOffBy() > 0) {
            for (Episode e : h.episodes()) {
                if (o.cutOffBy() >= e.firstCrash() && o.cutOffBy() < e.firstCrash() + e.crashesAt().size() && e.recovered()) {
                    deadline = 4L * e.recoveredAt() + 1;
                }
            }
        }
        return new long[] {start, deadline};
    }

    private static long recoveryAfter(History h, int event) {
        for (Episode e : h.episodes()) {
            if (e.recovered() && e.recoveredAt() > event) {
                return e.recoveredAt();
            }
        }
        throw new AssertionError("an operation invoked during an episode that never recovered was placed");
    }
}
