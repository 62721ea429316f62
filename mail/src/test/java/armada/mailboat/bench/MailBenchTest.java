package armada.mailboat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke run of the benchmark: it does the work it claims, with either kind of lock. */
class MailBenchTest {

    @TempDir
    Path data;

    @Test
    void smallRun_everyDeliveryIsPickedUpOrStillThere() throws Exception {
        // Two threads, both lock kinds: what was delivered and not picked up is still in new/,
        // so the benchmark measures real deliveries and pickups, and loses nothing.
        for (boolean fileLocks : new boolean[] {false, true}) {
            Path dir = Files.createDirectory(data.resolve(fileLocks ? "file" : "memory"));
            MailBench.Result r = new MailBench(dir, 10, 2, 400, fileLocks, 3).run();
            assertThat(r.delivered()).isPositive();
            assertThat(r.pickedUp()).isPositive();
            try (Stream<Path> all = Files.walk(dir)) {
                long left = all.filter(p -> p.getParent() != null
                        && p.getParent().getFileName().toString().equals("new")).count();
                assertThat(left).isEqualTo(r.delivered() - r.pickedUp());
            }
        }
    }
}
