package armada.examples.applog;

import armada.examples.applog.LogOp.Get;
import armada.examples.applog.LogOp.Put;
import armada.explore.FaultModel;
import armada.explore.Scenario;
import armada.explore.ScenarioSource;
import armada.world.Durability;
import armada.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The log store's shipped scenarios, under the default fault model (REORDERED) with torn writes at
 * 2-byte sectors, so that the short records of a small scenario can tear.
 */
public final class AppLogScenarios implements ScenarioSource {

    /** Records of a few bytes tear only at a small sector. */
    static final FaultModel ONE_CRASH = FaultModel.crashes(1).withTornWrites(2);

    @Override
    public List<Scenario<?, ?>> scenarios() {
        List<Scenario<?, ?>> all = new ArrayList<>();
        all.add(putGet("put-get", AppLog::boot, AppLog::recover, null,
                "a put concurrent with a get, another put after; one crash anywhere, records may tear"));
        all.add(base("crash-in-recovery", AppLog::boot, AppLog::recover)
                .description("two puts in a row; two crashes, so also crashes during recovery; records may tear")
                .thread(new Put("ab"), new Put("c"))
                .after(new Get())
                .faults(ONE_CRASH.withCrashes(2))
                .build());
        all.add(putGet("awaited-replay", AwaitedReplay::boot, AwaitedReplay::recover, null,
                "correct: recovery replays in a background thread and operations spin until it is done"));
        all.add(putGet("best-effort-cleanup", BestEffortCleanup::boot, BestEffortCleanup::recover, null,
                "correct: recovery removes empty segments inside catch (Throwable)"));
        all.add(crashPut("trusts-torn-record", TrustsTornRecord::boot, TrustsTornRecord::recover,
                "broken: recovery trusts a record's length byte, so a torn record yields a value nobody put"));
        all.add(crashPut("no-fsync", NoFsync::boot, NoFsync::recover,
                "broken: put returns before its record is fsynced (found by the default fault model)"));
        all.add(crashPut("background-replay", BackgroundReplay::boot, BackgroundReplay::recover,
                "broken: recovery replays the log in a background thread and answers before it is done"));
        all.add(base("no-fsync-immediate", NoFsync::boot, NoFsync::recover)
                .description("the missing fsync in the paper's IMMEDIATE model, where it cannot be seen")
                .thread(new Put("ab"))
                .after(new Get())
                .faults(FaultModel.crashes(1).withDurability(Durability.IMMEDIATE))
                .build());
        return all;
    }

    private static Scenario.Builder<String, AppLog> base(String name, Function<World, AppLog> boot,
            Function<World, AppLog> recover) {
        return Scenario.<String, AppLog>builder("applog/" + name, new LogSpec())
                .directories(AppLog.DIR)
                .boot(boot)
                .recover(recover)
                .driver(AppLog::apply);
    }

    private static Scenario<?, ?> putGet(String name, Function<World, AppLog> boot, Function<World, AppLog> recover,
            @Nullable String failure, String description) {
        return base(name, boot, recover)
                .description(description)
                .expectFailure(failure)
                .thread(new Put("ab"))
                .thread(new Get(), new Put("c"))
                .after(new Get())
                .faults(ONE_CRASH)
                .build();
    }

    private static Scenario<?, ?> crashPut(String name, Function<World, AppLog> boot, Function<World, AppLog> recover,
            String description) {
        return base(name, boot, recover)
                .description(description)
                .expectViolation("not-refinement")
                .thread(new Put("ab"))
                .after(new Get())
                .faults(ONE_CRASH)
                .build();
    }
}
