package armada.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import armada.check.Failure;
import armada.check.Verdict;
import armada.world.Durability;
import armada.explore.RegisterSpec.Read;
import armada.explore.RegisterSpec.Write;
import armada.explore.Registers.Locked;
import armada.explore.Registers.Register;
import armada.world.Block;
import armada.world.Cell;
import armada.world.Disk;
import armada.world.Lock;
import armada.world.Task;
import armada.world.World;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExplorerTest {

    private static final ExploreOptions EXHAUSTIVE = ExploreOptions.DEFAULTS.withSeconds(60);

    private static Verdict check(Scenario<?, ?> s) {
        return Explorer.check(s, EXHAUSTIVE);
    }

    private static Failure failureOf(Verdict v) {
        assertThat(v).isInstanceOf(Verdict.Violated.class);
        return ((Verdict.Violated) v).counterexample().failure();
    }

    @Test
    void lockedRegisterWithCrash_holdsInThePapersModel() {
        // Each write is one block write under a lock: atomic, and under IMMEDIATE durable when it returns.
        Scenario<Integer, Locked> s = Registers.scenario("locked", Locked::new)
                .thread(new Write(1), new Read())
                .thread(new Write(2))
                .after(new Read())
                .faults(FaultModel.crashes(1).withDurability(Durability.IMMEDIATE))
                .build();
        Verdict v = check(s);
        assertThat(v).isInstanceOf(Verdict.Holds.class);
        assertThat(v.stats().executions()).isGreaterThan(10);
        assertThat(v.bounds()).contains("crashes<=1", "durability=immediate");
    }

    @Test
    void registerWithoutBarrier_defaultFaultModelFindsTheMissingBarrier() {
        // Regression (hole 5): the default once was IMMEDIATE, where a store that never syncs
        // HOLDS. The default is now the harshest model, REORDERED with torn writes: the write
        // that returned is lost by a crash, and the verdict says which model it used.
        Scenario<Integer, Locked> s = Registers.scenario("no-barrier", Locked::new)
                .thread(new Write(1))
                .after(new Read())
                .faults(FaultModel.crashes(1))
                .build();
        Verdict v = check(s);
        assertThat(failureOf(v)).isInstanceOf(Failure.NotRefinement.class);
        assertThat(v.bounds()).contains("durability=reordered", "torn-writes=512B");
    }

    /** Writes through a volatile cell only: nothing survives a crash. */
    static class VolatileOnly implements Register {
        final Cell<Integer> cell;
        final Lock lock;

        VolatileOnly(World w) {
            cell = w.newCell(0);
            lock = w.newLock();
        }

        @Override
        public void write(int v) {
            lock.lock();
            cell.set(v);
            lock.unlock();
        }

        @Override
        public int read() {
            lock.lock();
            int v = cell.get();
            lock.unlock();
            return v;
        }
    }

    @Test
    void completedWriteLostAtCrash_violated() {
        // The write returned before the crash, so the spec keeps it; the memory cell lost it.
        Scenario<Integer, VolatileOnly> s = Registers.scenario("volatile", VolatileOnly::new)
                .thread(new Write(1))
                .after(new Read())
                .faults(FaultModel.crashes(1))
                .build();
        Failure f = failureOf(check(s));
        assertThat(f).isInstanceOf(Failure.NotRefinement.class);
        Verdict.Violated v = (Verdict.Violated) check(s);
        assertThat(v.counterexample().crashes()).isEqualTo(1);
    }

    @Test
    void sameScenarioWithoutCrashes_holds() {
        // Without crashes the volatile register is a fine linearizable register.
        Scenario<Integer, VolatileOnly> s = Registers.scenario("volatile-nocrash", VolatileOnly::new)
                .thread(new Write(1))
                .thread(new Read())
                .after(new Read())
                .build();
        assertThat(check(s)).isInstanceOf(Verdict.Holds.class);
    }

    /** Two locks taken in opposite orders by write and read. */
    static final class OppositeLocks implements Register {
        final Disk disk;
        final Lock a;
        final Lock b;

        OppositeLocks(World w) {
            disk = w.disk(0);
            a = w.newLock();
            b = w.newLock();
        }

        @Override
        public void write(int v) {
            a.lock();
            b.lock();
            disk.write(0, Block.filled(v));
            b.unlock();
            a.unlock();
        }

        @Override
        public int read() {
            b.lock();
            a.lock();
            int v = Registers.value(disk.read(0).orElseThrow());
            a.unlock();
            b.unlock();
            return v;
        }
    }

    @Test
    void locksTakenInOppositeOrders_deadlock() {
        // write holds a and wants b while read holds b and wants a.
        Scenario<Integer, OppositeLocks> s = Registers.scenario("deadlock", OppositeLocks::new)
                .thread(new Write(1))
                .thread(new Read())
                .build();
        Failure f = failureOf(check(s));
        assertThat(f).isInstanceOf(Failure.Deadlock.class);
        assertThat(f.message()).contains("t0 waits for lock#").contains("t1 waits for lock#");
    }

    /** Reads the cell without the lock that writes hold. */
    static final class RacyRead extends VolatileOnly {
        RacyRead(World w) {
            super(w);
        }

        @Override
        public int read() {
            return cell.get();
        }
    }

    @Test
    void unlockedReadOfWrittenCell_dataRace() {
        // The read is not ordered with the write by any lock, spawn or join.
        Scenario<Integer, RacyRead> s = Registers.scenario("race", RacyRead::new)
                .thread(new Write(1))
                .thread(new Read())
                .build();
        Failure f = failureOf(check(s));
        assertThat(f).isInstanceOf(Failure.DataRace.class);
    }

    @Test
    void cellWrittenAtBootReadByClients_noRace() {
        // Boot happens before every client starts, so reading what boot wrote is ordered.
        Scenario<Integer, RacyRead> s = Registers.scenario("boot-order", RacyRead::new)
                .thread(new Read())
                .thread(new Read())
                .build();
        assertThat(check(s)).isInstanceOf(Verdict.Holds.class);
    }

    @Test
    void recoveryReusingObjectsFromBeforeTheCrash_staleObject() {
        // Recovery hands back the implementation built at boot; its lock died in the crash.
        AtomicInteger boots = new AtomicInteger();
        Locked[] first = new Locked[1];
        Scenario<Integer, Locked> s = Registers.scenario("stale", w -> {
                    boots.incrementAndGet();
                    first[0] = new Locked(w);
                    return first[0];
                })
                .recover(w -> first[0])
                .thread(new Write(1))
                .after(new Read())
                .faults(FaultModel.crashes(1))
                .build();
        Failure f = failureOf(check(s));
        assertThat(f).isInstanceOf(Failure.StaleObject.class);
        assertThat(f.message()).isEqualTo("stale object lock#0 created before crash 1");
    }

    @Test
    void exceptionInAnOperation_userException() {
        // Writing 3 is a bug in this register: it throws.
        Scenario<Integer, Locked> s = Registers.<Locked>scenario("throws", w -> new Locked(w) {
                    @Override
                    public void write(int v) {
                        if (v == 3) {
                            throw new IllegalStateException("three");
                        }
                        super.write(v);
                    }
                })
                .thread(new Write(3))
                .build();
        Failure f = failureOf(check(s));
        assertThat(f).isInstanceOf(Failure.UserException.class);
        assertThat(f.message()).contains("t0 threw java.lang.IllegalStateException: three");
    }

    @Test
    void spinWaitThatNeverEnds_livelock() {
        // The read polls, under the lock, for a value nobody writes. Taking the lock back with no
        // one else having had it, it can see nothing new: it spins, and with no other thread to
        // change anything, that is a livelock, named as such (not a step bound).
        Scenario<Integer, VolatileOnly> s = Registers.<VolatileOnly>scenario("spin", w -> new VolatileOnly(w) {
                    @Override
                    public int read() {
                        while (true) {
                            lock.lock();
                            int v = cell.get();
                            lock.unlock();
                            if (v == 7) {
                                return v;
                            }
                        }
                    }
                })
                .thread(new Read())
                .maxSteps(200)
                .build();
        Failure f = failureOf(check(s));
        assertThat(f).isInstanceOf(Failure.Livelock.class);
        assertThat(f.message()).isEqualTo("livelock: t0 spins on lock#1, cell#0 (nothing it read has changed since it"
                + " last read it)");
    }

    @Test
    void unlockingAFreeLock_lockMisuse() {
        // The write unlocks a lock it never took.
        Scenario<Integer, Locked> s = Registers.<Locked>scenario("misuse", w -> new Locked(w) {
                    @Override
                    public void write(int v) {
                        disk.write(0, Block.filled(v));
                        lock.unlock();
                    }
                })
                .thread(new Write(1))
                .build();
        Failure f = failureOf(check(s));
        assertThat(f).isInstanceOf(Failure.LockMisuse.class);
        assertThat(f.message()).contains("which is free");
    }

    /** Writes disk 0 then disk 1; the invariant wants them equal at every crash point. */
    static final class TwoDisks extends Locked {
        final Disk other;

        TwoDisks(World w) {
            super(w);
            other = w.disk(1);
        }

        @Override
        public void write(int v) {
            lock.lock();
            disk.write(0, Block.filled(v));
            other.write(0, Block.filled(v));
            lock.unlock();
        }
    }

    @Test
    void invariantThatTwoWritesBreakInBetween_crashInvariantBroken() {
        // Between the two block writes the disks differ: the monitor localises that step.
        Scenario<Integer, TwoDisks> s = Scenario.<Integer, TwoDisks>builder("test/invariant", new RegisterSpec())
                .disks(2, 1)
                .boot(TwoDisks::new)
                .driver(Registers::apply)
                .thread(new Write(1))
                .faults(FaultModel.NONE.withDurability(Durability.IMMEDIATE))
                .crashInvariant("disks agree", d -> d.block(0, 0).equals(d.block(1, 0)))
                .build();
        Verdict.Violated v = (Verdict.Violated) check(s);
        assertThat(v.counterexample().failure()).isInstanceOf(Failure.CrashInvariantBroken.class);
        assertThat(v.counterexample().failure().message()).isEqualTo("crash invariant broken: disks agree");
        var steps = v.counterexample().trace().stream().filter(l -> !l.thread().equals("machine")).toList();
        assertThat(steps.getLast().text()).isEqualTo("write disk0[0] <- 01*4096");
    }

    /** A write that takes effect only if random(2) says 0: a bug only one random branch shows. */
    static final class CoinFlip extends Locked {
        final World world;

        CoinFlip(World w) {
            super(w);
            world = w;
        }

        @Override
        public void write(int v) {
            if (world.random(2) == 0) {
                super.write(v);
            }
        }
    }

    @Test
    void bugOnOneRandomBranch_found() {
        // Exhaustive search explores both values of random(2); value 1 drops the write.
        Scenario<Integer, CoinFlip> s = Registers.scenario("coin", CoinFlip::new)
                .thread(new Write(1))
                .after(new Read())
                .build();
        Verdict.Violated v = (Verdict.Violated) check(s);
        assertThat(v.counterexample().schedule()).contains("t0r1");
    }

    /** Writes from a spawned thread and joins it. */
    static final class SpawningWriter extends VolatileOnly {
        final World world;

        SpawningWriter(World w) {
            super(w);
            world = w;
        }

        @Override
        public void write(int v) {
            Task t = world.spawn(() -> cell.set(v));
            t.join();
        }

        @Override
        public int read() {
            return cell.get();
        }
    }

    @Test
    void spawnAndJoinOrderAccesses_noRace() {
        // spawn orders the parent's past before the child, join orders the child before the parent's future.
        Scenario<Integer, SpawningWriter> s = Registers.scenario("spawn", SpawningWriter::new)
                .thread(new Write(1), new Read())
                .after(new Read())
                .build();
        assertThat(check(s)).isInstanceOf(Verdict.Holds.class);
    }

    @Test
    void executionBudgetHit_inconclusive() {
        // The search stopped before covering the space, so nothing is proven.
        Scenario<Integer, Locked> s = Registers.scenario("budget", Locked::new)
                .thread(new Write(1), new Read())
                .thread(new Write(2))
                .after(new Read())
                .faults(FaultModel.crashes(1).withDurability(Durability.IMMEDIATE))
                .build();
        Verdict v = Explorer.check(s, EXHAUSTIVE.withExecutions(5));
        assertThat(v).isInstanceOf(Verdict.Inconclusive.class);
        assertThat(((Verdict.Inconclusive) v).reason()).contains("execution budget (5)");
        assertThat(v.stats().executions()).isLessThanOrEqualTo(5);
    }

    @Test
    void randomSearchFindingNothing_inconclusive() {
        // Sampling never covers the space.
        Scenario<Integer, Locked> s = Registers.scenario("random", Locked::new)
                .thread(new Write(1))
                .thread(new Read())
                .build();
        for (ExploreOptions.StrategyKind k : new ExploreOptions.StrategyKind[] {
                ExploreOptions.StrategyKind.RANDOM, ExploreOptions.StrategyKind.PCT}) {
            Verdict v = Explorer.check(s, EXHAUSTIVE.withStrategy(k).withExecutions(300).withWorkers(2));
            assertThat(v).isInstanceOf(Verdict.Inconclusive.class);
            assertThat(v.stats().executions()).isEqualTo(300);
        }
    }

    @Test
    void randomAndPctSearches_findTheRace() {
        // The race shows in most interleavings, so sampling finds it fast.
        Scenario<Integer, RacyRead> s = Registers.scenario("race-random", RacyRead::new)
                .thread(new Write(1))
                .thread(new Read())
                .build();
        for (ExploreOptions.StrategyKind k : new ExploreOptions.StrategyKind[] {
                ExploreOptions.StrategyKind.RANDOM, ExploreOptions.StrategyKind.PCT}) {
            Failure f = failureOf(Explorer.check(s, EXHAUSTIVE.withStrategy(k).withExecutions(10_000)));
            assertThat(f).isInstanceOf(Failure.DataRace.class);
        }
    }

    @Test
    void preemptionBoundThatCuts_inconclusive() {
        // With no preemption allowed, interleavings that switch mid-operation are cut.
        Scenario<Integer, Locked> s = Registers.scenario("preempt", Locked::new)
                .thread(new Write(1), new Write(2))
                .thread(new Read(), new Read())
                .build();
        Verdict v = Explorer.check(s, EXHAUSTIVE.withPreemptions(0));
        assertThat(v).isInstanceOf(Verdict.Inconclusive.class);
        assertThat(((Verdict.Inconclusive) v).reason()).contains("preemption");
        assertThat(v.bounds()).contains("preemptions<=0");
    }

    @Test
    void reductionOnAndOff_sameVerdictFewerExecutions() {
        // Sleep sets prune only executions equivalent to explored ones.
        Scenario<Integer, Locked> s = Registers.scenario("por", Locked::new)
                .thread(new Write(1), new Read())
                .thread(new Write(2))
                .after(new Read())
                .faults(FaultModel.crashes(1).withDurability(Durability.IMMEDIATE))
                .build();
        Verdict with = check(s);
        Verdict without = Explorer.check(s, EXHAUSTIVE.withReduction(false));
        assertThat(with).isInstanceOf(Verdict.Holds.class);
        assertThat(without).isInstanceOf(Verdict.Holds.class);
        assertThat(with.stats().executions()).isLessThan(without.stats().executions());
    }

    @Test
    void codeDependingOnOutsideState_reportedAsNondeterministic() {
        // A counter outside the World makes every other execution take an extra step, so a
        // replayed prefix offers different choices.
        AtomicInteger boots = new AtomicInteger();
        Scenario<Integer, Locked> s = Registers.<Locked>scenario("nondet", w -> {
                    boolean extra = boots.incrementAndGet() % 2 == 0;
                    return new Locked(w) {
                        @Override
                        public void write(int v) {
                            if (extra) {
                                disk.read(0);
                            }
                            super.write(v);
                        }
                    };
                })
                .thread(new Write(1))
                .thread(new Write(2))
                .build();
        assertThatThrownBy(() -> check(s)).isInstanceOf(ExploreException.class)
                .hasMessageContaining("outside the World");
    }

    @Test
    void replayOfCounterexample_reproducesTraceExactly() {
        // A schedule replays the same execution, step for step.
        Scenario<Integer, RacyRead> s = Registers.scenario("replay", RacyRead::new)
                .thread(new Write(1), new Read())
                .thread(new Read(), new Write(2))
                .build();
        Verdict.Violated v = (Verdict.Violated) check(s);
        Replay r1 = Explorer.replay(s, v.counterexample().schedule(), null);
        Replay r2 = Explorer.replay(s, v.counterexample().schedule(), null);
        assertThat(r1.trace()).isEqualTo(v.counterexample().trace()).isEqualTo(r2.trace());
        assertThat(r1.failure()).isEqualTo(v.counterexample().failure());
    }

    @Test
    void scheduleThatDoesNotFit_explainedError() {
        // Thread t5 does not exist in a two-thread scenario.
        Scenario<Integer, Locked> s = Registers.scenario("nofit", Locked::new)
                .thread(new Write(1))
                .thread(new Read())
                .build();
        assertThatThrownBy(() -> Explorer.replay(s, "t5", null)).isInstanceOf(ExploreException.class)
                .hasMessageContaining("decision 1 ('t5') is not possible");
        assertThatThrownBy(() -> Explorer.replay(s, "t0.x", null)).isInstanceOf(ExploreException.class)
                .hasMessageContaining("bad schedule token 'x'");
    }

    @Test
    void sameSearchRepeated_sameResultEveryTime() {
        // The machine hands one baton between real threads; any slip (two threads running at
        // once) shows up as a different execution count, a spurious failure or a replay that
        // diverges. Twenty identical searches must agree exactly.
        Scenario<Integer, Locked> s = Registers.scenario("repeat", Locked::new)
                .thread(new Write(1), new Read())
                .thread(new Write(2))
                .thread(new Read())
                .after(new Read())
                .faults(FaultModel.crashes(2).withDurability(Durability.IMMEDIATE))
                .build();
        Scenario<Integer, Locked> alone = Registers.scenario("repeat-alone", Locked::new)
                .thread(new Write(1), new Write(2))
                .after(new Read())
                .faults(FaultModel.crashes(2).withDurability(Durability.IMMEDIATE))
                .build();
        for (Scenario<Integer, Locked> each : List.of(s, alone)) {
            Verdict first = check(each);
            assertThat(first).isInstanceOf(Verdict.Holds.class);
            for (int i = 0; i < 20; i++) {
                Verdict again = check(each);
                assertThat(again).as(each.name()).isInstanceOf(Verdict.Holds.class);
                assertThat(again.stats().executions()).isEqualTo(first.stats().executions());
                assertThat(again.stats().abandoned()).isEqualTo(first.stats().abandoned());
            }
        }
    }

    @Test
    void operationLoopingWithoutWorldCalls_givesUpWithClearError() {
        // No scheduler can preempt code that never calls the World: the watchdog notices that
        // an execution does not finish and the search stops with an error instead of hanging.
        // Regression (soundness E): it is this scenario's own failure, naming the thread and
        // where it loops, so a run of many scenarios goes on with the next one.
        java.util.concurrent.atomic.AtomicBoolean release = new java.util.concurrent.atomic.AtomicBoolean();
        Scenario<Integer, Locked> s = Registers.<Locked>scenario("stuck", w -> new Locked(w) {
                    @Override
                    public void write(int v) {
                        while (!release.get()) {
                            Thread.onSpinWait();
                        }
                        super.write(v);
                    }
                })
                .thread(new Write(1))
                .build();
        try {
            Failure f = failureOf(Explorer.check(s, EXHAUSTIVE.withStuckSeconds(1)));
            assertThat(f).isInstanceOf(Failure.Stuck.class);
            assertThat(f.message()).contains("more than 1.0 s", "t0 is running", "ExplorerTest$");
        } finally {
            release.set(true);
        }
    }

    /** Known-bad: guards its block write with a Java monitor, which the scheduler cannot see. */
    static final class MonitorGuarded extends Locked {
        private final Object monitor = new Object();

        MonitorGuarded(World w) {
            super(w);
        }

        @Override
        public void write(int v) {
            synchronized (monitor) {
                disk.write(0, Block.filled(v)); // a World call: another thread may run while the monitor is held
            }
        }
    }

    @Test
    void threadBlockedOnAMonitor_stuckFailureSaysSoAndWhereEachThreadIs() {
        // t0 holds the monitor while it waits for its turn in a World call; when the scheduler
        // runs t1, t1 blocks on the monitor and nothing can ever run again. The failure must
        // tell this apart from an endless loop, show where t1 blocks and where t0 paused (it
        // holds the monitor). The search stops there, so the monitor is released afterwards.
        Scenario<Integer, Locked> s = Registers.<Locked>scenario("monitor", MonitorGuarded::new)
                .thread(new Write(1))
                .thread(new Write(2))
                .build();

        Failure f = failureOf(Explorer.check(s, EXHAUSTIVE.withStuckSeconds(1)));

        assertThat(f).isInstanceOf(Failure.Stuck.class);
        assertThat(f.message()).contains("is blocked on a monitor", "use World.newLock()")
                .containsPattern("\\n    at armada\\.explore\\.ExplorerTest\\$MonitorGuarded\\.write\\(ExplorerTest\\.java:\\d+\\)")
                .containsPattern("the other threads, each paused in a World call:\\n    t[01] at armada\\.explore"
                        + "\\.ExplorerTest\\$MonitorGuarded\\.write");
    }
}
