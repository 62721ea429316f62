package armada.examples.groupcommit;

import armada.examples.groupcommit.TxnOp.Add;
import armada.examples.groupcommit.TxnOp.Commit;
import armada.examples.groupcommit.TxnOp.Read;
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
 * The group-commit log's shipped scenarios: the correct log, and each broken variant.
 *
 * <p>Each log entry and the header sit in blocks of their own, written by a device whose block
 * writes are atomic (4 KiB sectors, as the papers' disks): so torn writes are modelled at the
 * block, {@code withTornWrites(Block.SIZE)}, where they change nothing; a 512-byte sector would
 * multiply the crash states by nine per unsynced block without reaching a new behaviour of this
 * code, which reads each block as a whole value. Torn records are the subject of {@code applog}.
 */
public final class GroupCommitScenarios implements ScenarioSource {

    static final int BLOCKS = 4;

    @Override
    public List<Scenario<?, ?>> scenarios() {
        List<Scenario<?, ?>> all = new ArrayList<>();
        all.add(addCommit("add-commit", GroupCommit::boot, GroupCommit::recover, Durability.IMMEDIATE,
                null, "an add and commit concurrent with another add; one crash anywhere"));
        all.add(addCommit("ordered", GroupCommit::boot, GroupCommit::recover, Durability.ORDERED,
                null, "an add and commit concurrent with another add, on a disk that keeps write"
                        + " order; one crash anywhere"));
        all.add(base("reordered", GroupCommit::boot, GroupCommit::recover)
                .description("two threads each add and commit, on a disk that reorders unsynced writes;"
                        + " one crash anywhere")
                .thread(new Add(1), new Commit())
                .thread(new Add(2), new Commit())
                .after(new Read())
                .faults(FaultModel.crashes(1).withDurability(Durability.REORDERED).withTornWrites(Block.SIZE))
                .build());
        all.add(base("crash-in-recovery", GroupCommit::boot, GroupCommit::recover)
                .description("two adds and a commit, on a disk that reorders unsynced writes; two crashes")
                .thread(new Add(1), new Add(2))
                .thread(new Commit())
                .after(new Read())
                .faults(FaultModel.crashes(2).withDurability(Durability.REORDERED).withTornWrites(Block.SIZE))
                .build());
        all.add(crashCommit("early-ack", EarlyAck::boot, EarlyAck::recover, Durability.ORDERED,
                "broken: commit returns before the header is durable"));
        all.add(crashCommit("header-before-log-durable", HeaderBeforeLogDurable::boot,
                HeaderBeforeLogDurable::recover, Durability.REORDERED,
                "broken: no barrier between the log entries and the header, on a disk that reorders"
                        + " unsynced writes"));
        return all;
    }

    private static Scenario.Builder<GroupCommitSpec.State, GroupCommit> base(
            String name, Function<World, GroupCommit> boot, Function<World, GroupCommit> recover) {
        return Scenario.<GroupCommitSpec.State, GroupCommit>builder("group-commit/" + name,
                        new GroupCommitSpec(GroupCommit.capacity(BLOCKS)))
                .disks(1, BLOCKS)
                .boot(boot)
                .recover(recover)
                .driver(GroupCommit::apply);
    }

    private static Scenario<?, ?> addCommit(String name, Function<World, GroupCommit> boot,
            Function<World, GroupCommit> recover, Durability durability, @Nullable String failure,
            String description) {
        return base(name, boot, recover)
                .description(description)
                .expectFailure(failure)
                .thread(new Add(1), new Commit())
                .thread(new Add(2))
                .after(new Read())
                .faults(FaultModel.crashes(1).withDurability(durability).withTornWrites(Block.SIZE))
                .build();
    }

    private static Scenario<?, ?> crashCommit(String name, Function<World, GroupCommit> boot,
            Function<World, GroupCommit> recover, Durability durability, String description) {
        return base(name, boot, recover)
                .description(description)
                .expectViolation("not-refinement")
                .thread(new Add(1), new Commit())
                .after(new Read())
                .faults(FaultModel.crashes(1).withDurability(durability).withTornWrites(Block.SIZE))
                .build();
    }
}
