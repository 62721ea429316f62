package armada.examples.groupcommit;

import armada.examples.groupcommit.TxnOp.Add;
import armada.examples.groupcommit.TxnOp.Commit;
import armada.examples.groupcommit.TxnOp.Read;
import armada.explore.Expectation;
import armada.explore.FaultModel;
import armada.explore.Scenario;
import armada.explore.ScenarioSource;
import armada.sim.Durability;
import armada.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The group-commit log's shipped scenarios: the correct log, and each broken variant. */
public final class GroupCommitScenarios implements ScenarioSource {

    static final int BLOCKS = 4;

    @Override
    public List<Scenario<?, ?>> scenarios() {
        List<Scenario<?, ?>> all = new ArrayList<>();
        all.add(addCommit("add-commit", GroupCommit::boot, GroupCommit::recover, Durability.IMMEDIATE,
                Expectation.HOLDS, "an add and commit concurrent with another add; one crash anywhere"));
        all.add(addCommit("ordered", GroupCommit::boot, GroupCommit::recover, Durability.ORDERED,
                Expectation.HOLDS, "an add and commit concurrent with another add, on a disk that keeps write"
                        + " order; one crash anywhere"));
        all.add(base("reordered", GroupCommit::boot, GroupCommit::recover)
                .description("two threads each add and commit, on a disk that reorders unsynced writes;"
                        + " one crash anywhere")
                .thread(new Add(1), new Commit())
                .thread(new Add(2), new Commit())
                .after(new Read())
                .faults(FaultModel.crashes(1).withDurability(Durability.REORDERED))
                .build());
        all.add(base("crash-in-recovery", GroupCommit::boot, GroupCommit::recover)
                .description("two adds and a commit, on a disk that reorders unsynced writes; two crashes")
                .thread(new Add(1), new Add(2))
                .thread(new Commit())
                .after(new Read())
                .faults(FaultModel.crashes(2).withDurability(Durability.REORDERED))
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
            Function<World, GroupCommit> recover, Durability durability, Expectation expected,
            String description) {
        return base(name, boot, recover)
                .description(description)
                .expect(expected)
                .thread(new Add(1), new Commit())
                .thread(new Add(2))
                .after(new Read())
                .faults(FaultModel.crashes(1).withDurability(durability))
                .build();
    }

    private static Scenario<?, ?> crashCommit(String name, Function<World, GroupCommit> boot,
            Function<World, GroupCommit> recover, Durability durability, String description) {
        return base(name, boot, recover)
                .description(description)
                .expect(Expectation.VIOLATED)
                .thread(new Add(1), new Commit())
                .after(new Read())
                .faults(FaultModel.crashes(1).withDurability(durability))
                .build();
    }
}
