package armada.explore;

import static org.assertj.core.api.Assertions.assertThat;

import armada.layers.BoxScenarios;
import armada.layers.BoxSpec;
import armada.layers.BoxSpec.Flip;
import armada.layers.BoxSpec.Get;
import armada.layers.BoxSpec.Put;
import armada.layers.BoxSpec.Take;
import armada.sim.ExecutionRecord;
import armada.sim.Machine;
import armada.sim.Scheduler;
import armada.spec.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Lower-layer steps under the partial-order reduction: generated programs over a box layer run
 * as the World (puts, gets, two-outcome flips, takes that may be disabled), with and without a
 * crash whose crash step may lose the value, must reach the same set of outcomes (history,
 * results, failure; what a crash left shows in the reads after it) with every interleaving, with
 * sleep sets and with source-DPOR.
 */
class LayerReductionSoundnessTest {

    private static final int PROGRAMS = 40;

    /** Executions one search may take; a program whose plain search is bigger is skipped. */
    private static final int BUDGET = 20_000;

    private static @org.jspecify.annotations.Nullable Set<String> outcomes(Scenario<?, ?> s, ReductionSoundnessTest.Mode mode) {
        AtomicReference<Set<String>> out = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                Set<String> seen = new HashSet<>();
                try (Machine m = Explorer.machineFor(s)) {
                    Strategy strategy = mode == ReductionSoundnessTest.Mode.DPOR
                            ? new DporStrategy(s.faults().maxCrashes(), 0)
                            : new ExhaustiveStrategy(mode == ReductionSoundnessTest.Mode.SLEEP_SETS, -1, false);
                    Scheduler sched;
                    int runs = 0;
                    while ((sched = strategy.next()) != null) {
                        if (++runs > BUDGET) {
                            return; // too big to compare here: counted as skipped
                        }
                        ExecutionRecord r = m.run(s, sched, false);
                        if (!r.abandoned()) {
                            seen.add(ReductionSoundnessTest.signature(r));
                        }
                        strategy.finished(r);
                    }
                    assertThat(strategy.error()).isNull();
                }
                out.set(seen);
            } catch (Throwable e) {
                error.set(e);
            }
        });
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (error.get() != null) {
            throw new AssertionError(error.get());
        }
        return out.get();
    }

    private static Op<?> randomOp(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> new Put(1 + r.nextInt(2));
            case 1, 2 -> new Get();
            case 3 -> new Flip();
            default -> new Take();
        };
    }

    @Test
    void generatedProgramsOverALayer_reachTheSameOutcomesWithAndWithoutReduction() {
        Random r = new Random(12);
        int compared = 0;
        for (int p = 0; p < PROGRAMS; p++) {
            int crashes = r.nextInt(2);
            Scenario.Builder<Integer, BoxScenarios.PassThrough> b = BoxScenarios.over("layer/p" + p,
                    new BoxSpec("below", r.nextBoolean()));
            int threads = crashes == 0 ? 2 + r.nextInt(2) : 2;
            for (int t = 0; t < threads; t++) {
                List<Op<?>> ops = new ArrayList<>();
                int n = 1 + r.nextInt(2);
                for (int i = 0; i < n; i++) {
                    ops.add(randomOp(r));
                }
                b.thread(ops.toArray(Op<?>[]::new));
            }
            Scenario<?, ?> s = b.after(new Get()).faults(FaultModel.crashes(crashes)).build();
            Set<String> plain = outcomes(s, ReductionSoundnessTest.Mode.PLAIN);
            if (plain == null) {
                continue;
            }
            assertThat(outcomes(s, ReductionSoundnessTest.Mode.SLEEP_SETS)).as("sleep sets, " + s.name())
                    .isEqualTo(plain);
            assertThat(outcomes(s, ReductionSoundnessTest.Mode.DPOR)).as("DPOR, " + s.name()).isEqualTo(plain);
            compared++;
        }
        // Most programs are small enough for the plain search: the comparison is not vacuous.
        assertThat(compared).isGreaterThanOrEqualTo(PROGRAMS * 3 / 4);
    }
}
