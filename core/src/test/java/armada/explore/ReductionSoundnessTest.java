package armada.explore;

import static org.assertj.core.api.Assertions.assertThat;

import armada.check.Event;
import armada.explore.RegisterSpec.Read;
import armada.explore.RegisterSpec.Write;
import armada.explore.Registers.Locked;
import armada.sim.ExecutionRecord;
import armada.sim.Machine;
import armada.sim.Scheduler;
import armada.world.Block;
import armada.world.Disk;
import armada.world.World;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The partial-order reduction may skip executions, but never an observable outcome: with and
 * without sleep sets, exhaustive search must reach the same set of outcomes (what every
 * operation returned, which operations a crash cut off, how many crashes).
 */
class ReductionSoundnessTest {

    /** Two unlocked two-block writes and a read of both: many outcomes, many crash states. */
    static final class TwoBlocks extends Locked {
        final Disk d;

        TwoBlocks(World w) {
            super(w);
            d = w.disk(0);
        }

        @Override
        public void write(int v) {
            d.write(0, Block.filled(v));
            d.write(1, Block.filled(v));
        }

        @Override
        public int read() {
            int a = Registers.value(d.read(0).orElseThrow());
            int b = Registers.value(d.read(1).orElseThrow());
            return a * 10 + b;
        }
    }

    private static Set<String> outcomes(Scenario<?, ?> s, boolean reduce) {
        Set<String> seen = new HashSet<>();
        AtomicReference<RuntimeException> error = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try (Machine m = Explorer.machineFor(s)) {
                ExhaustiveStrategy strategy = new ExhaustiveStrategy(reduce, -1);
                Scheduler sched;
                while ((sched = strategy.next()) != null) {
                    ExecutionRecord r = m.run(s, sched, false);
                    if (!r.abandoned()) {
                        seen.add(signature(r));
                    }
                    strategy.finished(r);
                }
            } catch (RuntimeException e) {
                error.set(e);
            }
        });
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (error.get() != null) {
            throw error.get();
        }
        return seen;
    }

    private static String signature(ExecutionRecord r) {
        Map<Integer, Integer> opIndex = new HashMap<>();
        Map<Integer, Integer> perThread = new HashMap<>();
        List<String> parts = new ArrayList<>();
        Set<Integer> open = new HashSet<>();
        for (Event e : r.history()) {
            switch (e) {
                case Event.Invoke i -> {
                    opIndex.put(i.opId(), perThread.merge(i.thread(), 1, Integer::sum));
                    open.add(i.opId());
                }
                case Event.Return ret -> {
                    parts.add("t" + ret.thread() + "#" + opIndex.get(ret.opId()) + "=" + ret.result());
                    open.remove(ret.opId());
                }
                case Event.Crash c -> parts.add("crash" + c.number() + " cut " + open.size());
                case Event.Recovered rec -> {
                    open.clear();
                    parts.add("recovered");
                }
            }
        }
        parts.sort(null);
        return String.join(",", parts);
    }

    @Test
    void unlockedTwoBlockWritesWithCrash_sameOutcomesWithAndWithoutReduction() {
        // Torn writes and crash states between the two blocks must all still be reached.
        Scenario<Integer, TwoBlocks> s = Registers.<TwoBlocks>scenario("por-soundness", TwoBlocks::new)
                .disks(1, 2)
                .thread(new Write(1))
                .thread(new Write(2), new Read())
                .after(new Read())
                .faults(FaultModel.crashes(1))
                .build();
        Set<String> reduced = outcomes(s, true);
        Set<String> full = outcomes(s, false);
        assertThat(reduced).isEqualTo(full);
        assertThat(full.size()).isGreaterThan(20);
    }

    @Test
    void lockedRegisterWithTwoCrashes_sameOutcomesWithAndWithoutReduction() {
        // Crashes during recovery and after it must be placed at every distinct point.
        Scenario<Integer, Locked> s = Registers.<Locked>scenario("por-crashes", Locked::new)
                .thread(new Write(1), new Read())
                .thread(new Write(2))
                .after(new Read())
                .faults(FaultModel.crashes(2))
                .build();
        assertThat(outcomes(s, true)).isEqualTo(outcomes(s, false));
    }

    /** Replicates each write on two disks, reads disk 0 and falls back to disk 1; random picks the first disk. */
    static final class Mirrored extends Locked {
        final World world;
        final Disk d0;
        final Disk d1;

        Mirrored(World w) {
            super(w);
            world = w;
            d0 = w.disk(0);
            d1 = w.disk(1);
        }

        @Override
        public void write(int v) {
            boolean swap = world.random(2) == 1;
            (swap ? d1 : d0).write(0, Block.filled(v));
            (swap ? d0 : d1).write(0, Block.filled(v));
        }

        @Override
        public int read() {
            return Registers.value(d0.read(0).or(() -> d1.read(0)).orElseThrow());
        }
    }

    @Test
    void mirroredWritesWithRandomCrashAndDiskFailure_sameOutcomesWithAndWithoutReduction() {
        // Random values, a disk failure and a crash all take part in the reduction.
        Scenario<Integer, Mirrored> s = Scenario.<Integer, Mirrored>builder("test/por-mirrored", new RegisterSpec())
                .disks(2, 1)
                .boot(Mirrored::new)
                .driver(Registers::apply)
                .thread(new Write(1))
                .thread(new Write(2), new Read())
                .after(new Read())
                .faults(new FaultModel(1, 1))
                .build();
        Set<String> reduced = outcomes(s, true);
        assertThat(reduced).isEqualTo(outcomes(s, false));
        assertThat(reduced.size()).isGreaterThan(20);
    }
}
