package armada.examples.repdisk;

import armada.examples.repdisk.DiskOp.Read;
import armada.examples.repdisk.DiskOp.Write;
import armada.explore.FaultModel;
import armada.explore.Scenario;
import armada.explore.ScenarioSource;
import armada.world.Durability;
import armada.world.Block;
import armada.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The replicated disk's shipped scenarios: the correct implementation, and each broken variant.
 *
 * <p>They run on the Armada paper's disk: every write is durable and whole when it returns
 * ({@link Durability#IMMEDIATE}), which the replicated disk, like the paper's, relies on: it has
 * no barrier. The default fault model is the harshest one (REORDERED, torn writes), under which a
 * write that returned could still be lost and every scenario here would be VIOLATED; that would
 * be a fact about a different device, so these scenarios name the paper's model.
 */
public final class ReplicatedDiskScenarios implements ScenarioSource {

    static final int SIZE = 2;
    private static final Block ONE = Block.filled(1);
    private static final Block TWO = Block.filled(2);
    private static final FaultModel CRASH_AND_FAILURE = new FaultModel(1, 1).withDurability(Durability.IMMEDIATE);

    @Override
    public List<Scenario<?, ?>> scenarios() {
        List<Scenario<?, ?>> all = new ArrayList<>();
        all.add(base("bench-2x2", ReplicatedDisk::boot, ReplicatedDisk::recover)
                .description("2 threads x 2 operations and 1 read after; no crash, no disk failure (the speed benchmark)")
                .thread(new Write(0, ONE), new Read(1))
                .thread(new Write(1, TWO), new Read(0))
                .after(new Read(0))
                .build());
        all.add(writeRead("write-read", ReplicatedDisk::boot, ReplicatedDisk::recover, null,
                "a write concurrent with a read; one crash and one disk failure anywhere"));
        all.add(twoWriters("two-writers", ReplicatedDisk::boot, ReplicatedDisk::recover, null,
                "two writes of one address; one crash and one disk failure anywhere"));
        all.add(base("crash-in-recovery", ReplicatedDisk::boot, ReplicatedDisk::recover)
                .description("writes to both addresses; two crashes, so also crashes during recovery, and a disk failure")
                .thread(new Write(0, ONE), new Write(1, TWO))
                .after(new Read(0), new Read(1))
                .faults(new FaultModel(2, 1).withDurability(Durability.IMMEDIATE))
                .build());
        all.add(base("scale-4x2-crash", ReplicatedDisk::boot, ReplicatedDisk::recover)
                .description("size benchmark: 4 threads x 2 operations, one crash and one disk failure anywhere")
                .benchmark()
                .thread(new Write(0, ONE), new Read(1))
                .thread(new Write(1, TWO), new Read(0))
                .thread(new Write(0, TWO), new Read(0))
                .thread(new Write(1, ONE), new Read(1))
                .after(new Read(0), new Read(1))
                .faults(CRASH_AND_FAILURE)
                .build());
        all.add(twoWriters("recover-from-disk1", RecoverFromDisk1::boot, RecoverFromDisk1::recover, null,
                "plausible but correct: recovery copies disk 1 to disk 0, rolling interrupted writes back"));
        all.add(crashWrite("no-recovery", NoRecovery::boot, NoRecovery::recover,
                "broken: recovery does not copy disk 0 to disk 1"));
        all.add(crashWrite("zeroing-recovery", ZeroingRecovery::boot, ZeroingRecovery::recover,
                "broken: recovery zeroes both disks"));
        all.add(crashWrite("recovery-skips-last-block", RecoverySkipsLastBlock::boot, RecoverySkipsLastBlock::recover,
                "broken: recovery's loop stops one block short"));
        all.add(twoWriters("unlocked-write", UnlockedWrite::boot, UnlockedWrite::recover, "not-refinement",
                "broken: a write does not take the per-address lock"));
        all.add(base("unlocked-read", UnlockedRead::boot, UnlockedRead::recover)
                .description("broken: a read does not take the per-address lock")
                .expectViolation("not-refinement")
                .thread(new Write(0, ONE))
                .thread(new Read(0), new Read(0))
                .faults(FaultModel.NONE.withDiskFailures(1).withDurability(Durability.IMMEDIATE))
                .build());
        all.add(writeRead("racy-cache", RacyCache::boot, RacyCache::recover, "data-race",
                "broken: a read serves an in-memory cache without the lock (a data race)"));
        return all;
    }

    private static Scenario.Builder<ReplicatedDiskSpec.State, ReplicatedDisk> base(
            String name, Function<World, ReplicatedDisk> boot, Function<World, ReplicatedDisk> recover) {
        return Scenario.<ReplicatedDiskSpec.State, ReplicatedDisk>builder("replicated-disk/" + name,
                        new ReplicatedDiskSpec(SIZE))
                .disks(2, SIZE)
                .boot(boot)
                .recover(recover)
                .driver(ReplicatedDisk::apply);
    }

    private static Scenario<?, ?> writeRead(String name, Function<World, ReplicatedDisk> boot,
            Function<World, ReplicatedDisk> recover, @Nullable String failure, String description) {
        return base(name, boot, recover)
                .description(description)
                .expectFailure(failure)
                .thread(new Write(0, ONE))
                .thread(new Read(0))
                .after(new Read(0), new Read(0))
                .faults(CRASH_AND_FAILURE)
                .build();
    }

    private static Scenario<?, ?> twoWriters(String name, Function<World, ReplicatedDisk> boot,
            Function<World, ReplicatedDisk> recover, @Nullable String failure, String description) {
        return base(name, boot, recover)
                .description(description)
                .expectFailure(failure)
                .thread(new Write(0, ONE))
                .thread(new Write(0, TWO))
                .after(new Read(0), new Read(0))
                .faults(CRASH_AND_FAILURE)
                .build();
    }

    private static Scenario<?, ?> crashWrite(String name, Function<World, ReplicatedDisk> boot,
            Function<World, ReplicatedDisk> recover, String description) {
        return base(name, boot, recover)
                .description(description)
                .expectViolation("not-refinement")
                .thread(new Write(SIZE - 1, ONE))
                .after(new Read(SIZE - 1), new Read(SIZE - 1))
                .faults(CRASH_AND_FAILURE)
                .build();
    }
}
