package armada.mailboat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import armada.mailboat.linux.LinuxFileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run of the experiment does the work it claims, with either kind of lock, durable or not. */
class MailBenchTest {

    @TempDir
    Path data;

    @Test
    void smallRun_everyDeliveryIsPickedUpOrStillThere() throws Exception {
        // Two threads, each file system and lock kind, with and without fsync: every iteration
        // delivers one message, and what was delivered and not picked up is still in new/, so the
        // benchmark measures real deliveries and pickups, and loses nothing.
        List<BenchConfig> configs = new ArrayList<>();
        for (FsKind fs : LinuxFileSystem.available() ? FsKind.values() : new FsKind[] {FsKind.NIO}) {
            for (LockKind locks : LockKind.values()) {
                configs.add(new BenchConfig(2, 150, 10, 40, true, locks, fs));
                configs.add(new BenchConfig(2, 150, 10, 40, false, locks, fs));
            }
        }
        int run = 0;
        for (BenchConfig c : configs) {
            Path dir = Files.createDirectory(data.resolve("run" + run++));
            BenchResult r = MailBench.run(dir, c, 1, 3);
            assertThat(r.delivered()).isEqualTo(300);
            assertThat(r.totalIterations()).isEqualTo(300);
            assertThat(r.pickedUp()).isPositive();
            assertThat(r.fsync()).isEqualTo(c.fsync());
            assertThat(r.locks()).isEqualTo(c.locks().label());
            assertThat(r.fs()).isEqualTo(c.fs().label());
            assertThat(r.cpuSeconds()).isPositive().isGreaterThanOrEqualTo(r.userSeconds());
            assertThat(r.allocatedBytes()).isPositive();
            try (Stream<Path> all = Files.walk(dir)) {
                long left = all.filter(p -> p.getParent() != null
                        && p.getParent().getFileName().toString().equals("new")).count();
                assertThat(left).isEqualTo(r.delivered() - r.pickedUp());
            }
        }
    }

    @Test
    void message_isHelloWorldRepeatedToTheSize() {
        // The Go benchmark delivers "Hello world."; other sizes repeat or cut it.
        assertThat(new String(MailBench.message(12), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("Hello world.");
        assertThat(new String(MailBench.message(15), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("Hello world.Hel");
        assertThat(MailBench.message(1)).hasSize(1);
    }

    @Test
    void jsonLine_parsesBackToTheSameResult() {
        // --plot --from reads what --json writes, and a peer's line with the required fields.
        BenchResult r = new BenchResult(BenchResult.OURS, 2, 2, 1000, 0.5, false, "file", "linux", 12, 2000, 1990, 0.75,
                0.25, 123456);
        assertThat(BenchResult.parse(r.toJson())).isEqualTo(r);
        assertThat(r.toJson()).contains("\"note\":\"" + BenchResult.NO_FSYNC_NOTE + "\"");
        BenchResult go = BenchResult.parse("{\"system\":\"go-mailboat\",\"threads\":1,\"iterations\":100,"
                + "\"seconds\":0.25,\"fsync\":false,\"locks\":\"memory\"}");
        assertThat(go.iterationsPerSecond()).isEqualTo(400.0);
    }
}
