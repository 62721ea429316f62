package armada.explore;

import static org.assertj.core.api.Assertions.assertThat;

import armada.check.Failure;
import armada.check.Verdict;
import armada.explore.RegisterSpec.Read;
import armada.explore.RegisterSpec.Write;
import armada.world.Durability;
import armada.world.Fd;
import armada.world.FileSystem;
import armada.world.World;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Lazy crash states: a crash leaves each file's unsynced data undecided until a step reads it.
 * A recovery that reads one file of several must not pay for the others, and a bug that only a
 * partly kept file shows must still be found (the outcome sets themselves are compared with the
 * eager semantics in {@link ReductionSoundnessTest}).
 */
class LazyCrashStatesTest {

    private static final ExploreOptions OPTIONS = ExploreOptions.DEFAULTS.withSeconds(120).withShrink(false);
    private static final int LOGS = 2;

    /**
     * A register kept in {@code d/reg} as eight digits, and each write also appended to
     * {@link #LOGS} log files nobody reads back and nobody syncs. With {@code sync}, a write goes
     * to {@code d/tmp}, is synced, and renamed over {@code d/reg} (then the directory synced);
     * without, it overwrites {@code d/reg} in place and never syncs.
     */
    static final class FileRegister implements Registers.Register {
        private final FileSystem fs;
        private final boolean sync;

        FileRegister(World w, boolean sync) {
            this.fs = w.fileSystem();
            this.sync = sync;
        }

        static FileRegister boot(World w, boolean sync) {
            FileSystem fs = w.fileSystem();
            if (fs.list("d").contains("tmp")) {
                fs.unlink("d", "tmp");
            }
            if (fs.open("d", "reg").isEmpty()) {
                Fd fd = fs.create("d", "reg").orElseThrow();
                fs.write(fd, 0, digits(0));
                fs.close(fd);
                for (int i = 0; i < LOGS; i++) {
                    fs.close(fs.create("d", "log" + i).orElseThrow());
                }
            }
            return new FileRegister(w, sync);
        }

        private static byte[] digits(int v) {
            return String.valueOf(v).repeat(8).getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public void write(int v) {
            for (int i = 0; i < LOGS; i++) {
                Fd log = fs.openWrite("d", "log" + i).orElseThrow();
                fs.append(log, digits(v));
                fs.close(log);
            }
            if (!sync) {
                Fd fd = fs.openWrite("d", "reg").orElseThrow();
                fs.write(fd, 0, digits(v));
                fs.close(fd);
                return;
            }
            Fd fd = fs.create("d", "tmp").orElseThrow();
            fs.write(fd, 0, digits(v));
            fs.fsync(fd);
            fs.close(fd);
            fs.rename("d", "tmp", "d", "reg");
            fs.fsyncDir("d");
        }

        @Override
        public int read() {
            Fd fd = fs.open("d", "reg").orElseThrow();
            String s = new String(fs.read(fd, 0, 8), StandardCharsets.US_ASCII);
            fs.close(fd);
            // Eight equal digits are a value; anything else (a torn write) is -1, which no write stored.
            return s.chars().distinct().count() == 1 ? s.charAt(0) - '0' : -1;
        }
    }

    private static Scenario<Integer, FileRegister> scenario(boolean sync, int sector) {
        return Scenario.<Integer, FileRegister>builder("test/file-register-" + sync, new RegisterSpec())
                .directories("d")
                .boot(w -> FileRegister.boot(w, sync))
                .recover(w -> FileRegister.boot(w, sync))
                .driver(Registers::apply)
                .thread(new Write(1), new Write(2))
                .after(new Read())
                .faults(FaultModel.crashes(1).withDurability(Durability.REORDERED).withTornWrites(sector))
                .build();
    }

    @Test
    void recoveryReadingOneFileOfSeveral_doesNotPayForTheOthers() {
        Scenario<Integer, FileRegister> s = scenario(true, 4);
        Verdict lazy = Explorer.check(s, OPTIONS);
        Verdict eager = Explorer.check(s, OPTIONS.withLazyCrashStates(false));
        assertThat(lazy).isInstanceOf(Verdict.Holds.class);
        assertThat(eager).isInstanceOf(Verdict.Holds.class);
        // Eager: every log's two appends, each kept whole, torn at one of its sectors or lost,
        // multiply the states of a crash; lazy: the logs are never read, so only the register counts.
        assertThat(lazy.stats().maxCrashStates()).isLessThanOrEqualTo(3);
        assertThat(eager.stats().maxCrashStates()).isGreaterThan(20);
        assertThat(lazy.stats().executions()).isLessThan(eager.stats().executions() / 5);
    }

    @Test
    void tornRegisterWithoutFsync_isFoundWhenTheReadDecidesTheFile() {
        for (boolean lazyOn : new boolean[] {true, false}) {
            Verdict v = Explorer.check(scenario(false, 4), OPTIONS.withLazyCrashStates(lazyOn));
            assertThat(v).as("lazy " + lazyOn).isInstanceOf(Verdict.Violated.class);
            Verdict.Violated violated = (Verdict.Violated) v;
            assertThat(violated.counterexample().failure()).isInstanceOf(Failure.NotRefinement.class);
            if (lazyOn) {
                // The crash left d/reg undecided; the read after it decided what survived.
                assertThat(violated.counterexample().trace())
                        .anyMatch(l -> l.text().startsWith("the crash kept some changes to d/reg") && l.text().contains("decided by this first look"));
            }
        }
    }

    @Test
    void aReplayedLazyCounterexample_reachesTheSameFailure() {
        Verdict v = Explorer.check(scenario(false, 4), OPTIONS);
        Verdict.Violated violated = (Verdict.Violated) v;
        Replay r = Explorer.replay(scenario(false, 4), violated.counterexample().schedule(), null);
        assertThat(r.failure()).isEqualTo(violated.counterexample().failure());
        assertThat(r.trace()).isEqualTo(violated.counterexample().trace());
    }
}
