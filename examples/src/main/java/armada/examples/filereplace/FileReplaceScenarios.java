package armada.examples.filereplace;

import armada.examples.filereplace.FileOp.Read;
import armada.examples.filereplace.FileOp.Replace;
import armada.explore.FaultModel;
import armada.explore.Scenario;
import armada.explore.ScenarioSource;
import armada.world.Durability;
import armada.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The atomic file replacement's shipped scenarios: the correct one, and each broken variant. */
public final class FileReplaceScenarios implements ScenarioSource {

    static final String INITIAL = "old";

    @Override
    public List<Scenario<?, ?>> scenarios() {
        List<Scenario<?, ?>> all = new ArrayList<>();
        for (Durability d : Durability.values()) {
            String model = d.name().toLowerCase(Locale.ROOT);
            all.add(replaceRead(model, FileReplace::boot, FileReplace::recover, d, null,
                    "a replace concurrent with a read; one crash anywhere; durability " + model));
        }
        all.add(base("two-replaces", FileReplace::boot, FileReplace::recover)
                .description("two concurrent replaces, with files that may survive a crash in any order;"
                        + " two crashes, so also crashes during recovery")
                .thread(new Replace("new"))
                .thread(new Replace("newer"))
                .after(new Read())
                .faults(FaultModel.crashes(2).withDurability(Durability.REORDERED))
                .build());
        all.add(crashReplace("no-file-fsync-immediate", NoFileFsync::boot, NoFileFsync::recover,
                Durability.IMMEDIATE, null,
                "broken, but the paper's model cannot see it: no fsync of the new file; durability immediate"));
        all.add(crashReplace("no-file-fsync-ordered", NoFileFsync::boot, NoFileFsync::recover,
                Durability.ORDERED, "not-refinement",
                "broken: no fsync of the new file before the rename; durability ordered"));
        all.add(crashReplace("no-dir-fsync", NoDirFsync::boot, NoDirFsync::recover,
                Durability.REORDERED, "not-refinement",
                "broken: no fsync of the directory after the rename; durability reordered"));
        all.add(replaceRead("unlocked-read-immediate", UnlockedRead::boot, UnlockedRead::recover,
                Durability.IMMEDIATE, null,
                "correct only in the paper's model: a read without the lock; durability immediate"));
        all.add(replaceRead("unlocked-read", UnlockedRead::boot, UnlockedRead::recover,
                Durability.ORDERED, "not-refinement",
                "broken: a read without the lock sees a rename before it is durable; durability ordered"));
        return all;
    }

    private static Scenario.Builder<String, FileReplace> base(String name,
            BiFunction<World, String, FileReplace> boot, Function<World, FileReplace> recover) {
        return Scenario.<String, FileReplace>builder("file-replace/" + name, new FileSpec(INITIAL))
                .directories(FileReplace.DIR)
                .boot(w -> boot.apply(w, INITIAL))
                .recover(recover)
                .driver(FileReplace::apply);
    }

    private static Scenario<?, ?> replaceRead(String name, BiFunction<World, String, FileReplace> boot,
            Function<World, FileReplace> recover, Durability durability, @Nullable String failure,
            String description) {
        return base(name, boot, recover)
                .description(description)
                .expectFailure(failure)
                .thread(new Replace("new"))
                .thread(new Read())
                .after(new Read())
                .faults(FaultModel.crashes(1).withDurability(durability))
                .build();
    }

    private static Scenario<?, ?> crashReplace(String name, BiFunction<World, String, FileReplace> boot,
            Function<World, FileReplace> recover, Durability durability, @Nullable String failure,
            String description) {
        return base(name, boot, recover)
                .description(description)
                .expectFailure(failure)
                .thread(new Replace("new"))
                .after(new Read())
                .faults(FaultModel.crashes(1).withDurability(durability))
                .build();
    }
}
