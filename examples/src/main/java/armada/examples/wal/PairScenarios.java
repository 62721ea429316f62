package armada.examples.wal;

import armada.examples.wal.PairOp.Read;
import armada.examples.wal.PairOp.Write;
import armada.explore.FaultModel;
import armada.explore.Scenario;
import armada.world.Durability;
import armada.spec.Op;
import armada.world.Block;
import armada.world.World;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The scenarios every atomic-pair implementation is checked in (the write-ahead log and the
 * shadow copy share the spec, so they share these too): a write with a concurrent read, two
 * concurrent writes, two writes under REORDERED durability with crashes during recovery, and a
 * single write cut by a crash for the broken variants.
 *
 * <p>The fault model is the harsh default (REORDERED) unless a scenario names another, with torn
 * writes at the block: the pair's log, copies and flags each sit in blocks of their own, written
 * by a device whose block writes are atomic (4 KiB sectors, as the papers' disks). A 512-byte
 * sector would multiply the crash states by nine per unsynced block and reach nothing new in code
 * that reads each block as one value; torn records are the subject of {@code applog}.
 *
 * @param <I> the implementation
 */
public final class PairScenarios<I> {

    private static final FaultModel ONE_CRASH = FaultModel.crashes(1).withTornWrites(Block.SIZE);

    private final String example;
    private final int blocks;
    private final BiFunction<I, Op<?>, Object> driver;

    public PairScenarios(String example, int blocks, BiFunction<I, Op<?>, Object> driver) {
        this.example = example;
        this.blocks = blocks;
        this.driver = driver;
    }

    private Scenario.Builder<Pair, I> base(String name, Function<World, I> boot, Function<World, I> recover) {
        return Scenario.<Pair, I>builder(example + "/" + name, new PairSpec())
                .disks(1, blocks)
                .boot(boot)
                .recover(recover)
                .driver(driver);
    }

    /** A write concurrent with a read; one crash anywhere. */
    public Scenario<?, ?> writeRead(Function<World, I> boot, Function<World, I> recover) {
        return base("write-read", boot, recover)
                .description("a write concurrent with a read; one crash anywhere")
                .thread(new Write(1, 2))
                .thread(new Read())
                .after(new Read())
                .faults(ONE_CRASH)
                .build();
    }

    /** Two concurrent writes; one crash anywhere. */
    public Scenario<?, ?> twoWriters(Function<World, I> boot, Function<World, I> recover) {
        return base("two-writers", boot, recover)
                .description("two concurrent writes; one crash anywhere")
                .thread(new Write(1, 2))
                .thread(new Write(3, 4))
                .after(new Read())
                .faults(ONE_CRASH)
                .build();
    }

    /** Two writes in a row on a disk that reorders unsynced writes; two crashes. */
    public Scenario<?, ?> reordered(Function<World, I> boot, Function<World, I> recover, String description) {
        return base("reordered", boot, recover)
                .description(description)
                .thread(new Write(1, 2), new Write(3, 4))
                .after(new Read())
                .faults(ONE_CRASH.withCrashes(2).withDurability(Durability.REORDERED))
                .build();
    }

    /** One write cut by one crash, under {@code durability}; HOLDS, or fails with {@code failure}. */
    public Scenario<?, ?> crashWrite(String name, Function<World, I> boot, Function<World, I> recover,
            Durability durability, @Nullable String failure, String description) {
        return base(name, boot, recover)
                .description(description)
                .expectFailure(failure)
                .thread(new Write(1, 2))
                .after(new Read())
                .faults(ONE_CRASH.withDurability(durability))
                .build();
    }
}
