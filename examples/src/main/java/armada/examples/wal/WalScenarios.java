package armada.examples.wal;

import armada.explore.Scenario;
import armada.explore.ScenarioSource;
import armada.world.Durability;
import java.util.List;

/** The write-ahead log's shipped scenarios: the correct log, and each broken variant. */
public final class WalScenarios implements ScenarioSource {

    @Override
    public List<Scenario<?, ?>> scenarios() {
        PairScenarios<WriteAheadLog> s = new PairScenarios<>("wal", WriteAheadLog.BLOCKS, WriteAheadLog::apply);
        return List.of(
                s.writeRead(WriteAheadLog::boot, WriteAheadLog::recover),
                s.twoWriters(WriteAheadLog::boot, WriteAheadLog::recover),
                s.reordered(WriteAheadLog::boot, WriteAheadLog::recover, "two writes in a row on a disk that"
                        + " reorders unsynced writes; two crashes, so also crashes during recovery"),
                s.crashWrite("no-log-barrier-ordered", NoLogBarrier::boot, NoLogBarrier::recover, Durability.ORDERED,
                        null, "no barrier between the log and the commit flag, on a disk that keeps"
                                + " write order: correct there"),
                s.crashWrite("commit-before-log", CommitBeforeLog::boot, CommitBeforeLog::recover,
                        Durability.IMMEDIATE, "not-refinement",
                        "broken: the commit flag is set before the log is written"),
                s.crashWrite("no-log-barrier", NoLogBarrier::boot, NoLogBarrier::recover, Durability.REORDERED,
                        "not-refinement", "broken: no barrier between the log and the commit flag, on a disk"
                                + " that reorders unsynced writes"));
    }
}
