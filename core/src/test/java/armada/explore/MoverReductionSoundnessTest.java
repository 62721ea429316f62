package armada.explore;

import static org.assertj.core.api.Assertions.assertThat;

import armada.layers.CheckedMovers;
import armada.layers.MoverCheck;
import armada.layers.MoverReport;
import armada.sim.ExecutionRecord;
import armada.sim.LayerMovers;
import armada.sim.Machine;
import armada.sim.Scheduler;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The reduction from checked movers may skip executions, but never an observable outcome (see
 * {@link #signature}): generated programs over a layer with true mover claims of every kind ({@link LayerProgram})
 * must reach the same set of outcomes (history with every result, failure, and what each crash
 * left, which recovery reads) with calls glued by the claims as with every layer call a
 * scheduling point, under every interleaving and under source-DPOR, with a crash or none, under
 * every durability model, with faults tried first or last. (Of a program with a failing
 * execution, source-DPOR, glued or not, must find a failure and nothing the plain search does
 * not: a failure stops its branch, so it does not cover every outcome there.)
 */
class MoverReductionSoundnessTest {

    /** Programs generated: more with -Darmada.moverPrograms=N. */
    private static final int PROGRAMS = Integer.getInteger("armada.moverPrograms", 60);

    /** Executions one search may take; a program whose plain search is bigger is skipped (and counted). */
    private static final int BUDGET = 20_000;

    /** What one search observed: the outcomes, and the executions it ran. */
    private record Observed(Set<String> outcomes, long executions) {
    }

    /** Every interleaving, or source-DPOR; with the claims glueing calls, or not. */
    private static @Nullable Observed explore(Scenario<?, ?> s, boolean dpor, boolean faultsFirst,
            @Nullable CheckedMovers<?> movers) {
        AtomicReference<Observed> out = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                Set<String> seen = new HashSet<>();
                long runs = 0;
                List<LayerMovers> glue = movers == null ? List.of() : List.of(movers);
                try (Machine m = Explorer.machineFor(s, glue)) {
                    Strategy strategy = dpor ? new DporStrategy(s.faults().maxCrashes(), 0, faultsFirst)
                            : new ExhaustiveStrategy(false, -1, faultsFirst);
                    Scheduler sched;
                    while ((sched = strategy.next()) != null) {
                        if (++runs > BUDGET) {
                            return; // too big to compare here: counted as skipped
                        }
                        ExecutionRecord r = m.run(s, sched, false);
                        if (!r.abandoned()) {
                            seen.add(signature(r));
                        }
                        strategy.finished(r);
                    }
                    assertThat(strategy.error()).as("replay is deterministic").isNull();
                }
                out.set(new Observed(seen, runs));
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

    /**
     * What an execution lets anyone observe: its history (up to the order of adjacent invocations
     * or returns) with every result, or, for one that failed, the kind of failure. Which other
     * threads' independent steps came before a failure is not an outcome: the partial-order
     * reduction alone already leaves some of them out (an undefined call stops the execution
     * wherever the other threads are).
     */
    private static String signature(ExecutionRecord r) {
        return r.failure() != null ? "failure=" + r.failure().kind() : ReductionSoundnessTest.signature(r);
    }

    /** The claims as the search uses them: they must all hold and all be usable. */
    private static CheckedMovers<?> movers(Scenario<?, ?> s) {
        MoverCheck.Result<?> result = Objects.requireNonNull(s.moverClaims()).checkForSearch();
        assertThat(result.report()).isInstanceOf(MoverReport.Checked.class);
        CheckedMovers<?> m = Objects.requireNonNull(result.movers());
        assertThat(m.unused()).as("every claim of the test layer is usable").isEmpty();
        return m;
    }

    @Test
    void generatedLayerPrograms_reachTheSameOutcomesWithAndWithoutGluedCalls() {
        Random r = new Random(25);
        int compared = 0;
        int glued = 0;
        int failing = 0;
        long plainDpor = 0;
        long reducedDpor = 0;
        for (int p = 0; p < PROGRAMS; p++) {
            LayerProgram program = LayerProgram.generate(r);
            boolean faultsFirst = r.nextBoolean();
            Scenario<?, ?> s = program.scenario("movers-p" + p);
            Observed plain = explore(s, false, faultsFirst, null);
            if (plain == null) {
                continue;
            }
            String what = s.name() + " " + program + (faultsFirst ? " faults first" : " faults last");
            CheckedMovers<?> everyInterleaving = movers(s);
            Observed reduced = explore(s, false, faultsFirst, everyInterleaving);
            assertThat(reduced).as("every interleaving, glued, " + what).isNotNull();
            assertThat(reduced.outcomes()).as("every interleaving, glued, " + what).isEqualTo(plain.outcomes());
            Observed dpor = explore(s, true, faultsFirst, null);
            CheckedMovers<?> withDpor = movers(s);
            Observed dporReduced = explore(s, true, faultsFirst, withDpor);
            assertThat(dpor).as("DPOR, " + what).isNotNull();
            assertThat(dporReduced).as("DPOR, glued, " + what).isNotNull();
            if (plain.outcomes().stream().noneMatch(o -> o.startsWith("failure="))) {
                assertThat(dpor.outcomes()).as("DPOR, " + what).isEqualTo(plain.outcomes());
                assertThat(dporReduced.outcomes()).as("DPOR, glued, " + what).isEqualTo(plain.outcomes());
            } else {
                // Source-DPOR covers every trace of complete executions; a failure stops its branch,
                // so of a failing program it promises only to find a failure (and nothing made up).
                assertThat(dpor.outcomes()).as("DPOR, " + what).isSubsetOf(plain.outcomes())
                        .anyMatch(o -> o.startsWith("failure="));
                assertThat(dporReduced.outcomes()).as("DPOR, glued, " + what).isSubsetOf(plain.outcomes())
                        .anyMatch(o -> o.startsWith("failure="));
                failing++;
            }
            // Glued calls never add executions to the plain search of every interleaving.
            assertThat(reduced.executions()).as(what).isLessThanOrEqualTo(plain.executions());
            if (withDpor.used()) {
                glued++;
            }
            plainDpor += dpor.executions();
            reducedDpor += dporReduced.executions();
            compared++;
        }
        // Most programs are small enough to compare, most glue calls, and gluing pays: the
        // comparison is not vacuous.
        assertThat(compared).isGreaterThanOrEqualTo(PROGRAMS * 2 / 3);
        assertThat(glued).isGreaterThanOrEqualTo(compared / 2);
        assertThat(failing).as("programs compared in full under DPOR").isLessThan(compared / 2);
        assertThat(reducedDpor).isLessThan(plainDpor);
    }
}
