package armada.examples.wal;

import armada.examples.wal.PairOp.Read;
import armada.examples.wal.PairOp.Write;
import armada.explore.Expectation;
import armada.explore.FaultModel;
import armada.explore.Scenario;
import armada.explore.ScenarioSource;
import armada.sim.Durability;
import armada.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The write-ahead log's shipped scenarios: the correct log, and each broken variant. */
public final class WalScenarios implements ScenarioSource {

    private static final FaultModel ONE_CRASH = FaultModel.crashes(1);

    @Override
    public List<Scenario<?, ?>> scenarios() {
        List<Scenario<?, ?>> all = new ArrayList<>();
        all.add(base("write-read", WriteAheadLog::boot, WriteAheadLog::recover)
                .description("a write concurrent with a read; one crash anywhere")
                .thread(new Write(1, 2))
                .thread(new Read())
                .after(new Read())
                .faults(ONE_CRASH)
                .build());
        all.add(base("two-writers", WriteAheadLog::boot, WriteAheadLog::recover)
                .description("two concurrent writes; one crash anywhere")
                .thread(new Write(1, 2))
                .thread(new Write(3, 4))
                .after(new Read())
                .faults(ONE_CRASH)
                .build());
        all.add(base("reordered", WriteAheadLog::boot, WriteAheadLog::recover)
                .description("two writes in a row on a disk that reorders unsynced writes; two crashes, so also"
                        + " crashes during recovery")
                .thread(new Write(1, 2), new Write(3, 4))
                .after(new Read())
                .faults(FaultModel.crashes(2).withDurability(Durability.REORDERED))
                .build());
        all.add(base("no-log-barrier-ordered", NoLogBarrier::boot, NoLogBarrier::recover)
                .description("no barrier between the log and the commit flag, on a disk that keeps write"
                        + " order: correct there")
                .thread(new Write(1, 2))
                .after(new Read())
                .faults(ONE_CRASH.withDurability(Durability.ORDERED))
                .build());
        all.add(crashWrite("commit-before-log", CommitBeforeLog::boot, CommitBeforeLog::recover,
                Durability.IMMEDIATE, "broken: the commit flag is set before the log is written"));
        all.add(crashWrite("no-log-barrier", NoLogBarrier::boot, NoLogBarrier::recover,
                Durability.REORDERED, "broken: no barrier between the log and the commit flag, on a disk that"
                        + " reorders unsynced writes"));
        return all;
    }

    private static Scenario.Builder<Pair, WriteAheadLog> base(
            String name, Function<World, WriteAheadLog> boot, Function<World, WriteAheadLog> recover) {
        return Scenario.<Pair, WriteAheadLog>builder("wal/" + name, new PairSpec())
                .disks(1, WriteAheadLog.BLOCKS)
                .boot(boot)
                .recover(recover)
                .driver(WriteAheadLog::apply);
    }

    private static Scenario<?, ?> crashWrite(String name, Function<World, WriteAheadLog> boot,
            Function<World, WriteAheadLog> recover, Durability durability, String description) {
        return base(name, boot, recover)
                .description(description)
                .expect(Expectation.VIOLATED)
                .thread(new Write(1, 2))
                .after(new Read())
                .faults(ONE_CRASH.withDurability(durability))
                .build();
    }
}
