package armada.mailboat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running the Go Mailboat's benchmark as a peer: its durations parse, its line becomes a result, a bad run is an error. */
class GoMailboatTest {

    @TempDir
    Path dir;

    @Test
    void goDurations_areSeconds() {
        // Go prints time.Duration with its own units: seconds, milliseconds, minutes and seconds...
        assertThat(GoMailboat.seconds("1.825535146s")).isCloseTo(1.825535146, within(1e-12));
        assertThat(GoMailboat.seconds("154.142298ms")).isCloseTo(0.154142298, within(1e-12));
        assertThat(GoMailboat.seconds("1m3.5s")).isCloseTo(63.5, within(1e-12));
        assertThat(GoMailboat.seconds("1h2m3s")).isCloseTo(3723, within(1e-9));
        assertThat(GoMailboat.seconds("850µs")).isCloseTo(0.00085, within(1e-12));
        assertThat(GoMailboat.seconds("12ns")).isCloseTo(12e-9, within(1e-15));
        for (String bad : new String[] {"", "1.5", "s", "1.5x", "1.5s extra", "x1s"}) {
            assertThatThrownBy(() -> GoMailboat.seconds(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** A stand-in for the Go binary: checks its environment as the Go benchmark reads it, prints its line. */
    private Path fake(String body) throws IOException {
        Path f = dir.resolve("fake-go-mailboat");
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
        return f;
    }

    @Test
    void run_turnsTheTimingLineIntoAResult() throws Exception {
        // GOMAXPROCS equals the thread count, as the peer's README asks; the result says what ran.
        Path go = fake("[ \"$1\" = -verbose ] && [ \"$GOMAXPROCS\" = \"$GOMAIL_NPROC\" ] || exit 3\n"
                + "echo \"$GOMAIL_NPROC threads, $GOMAIL_NITER iter, 250ms elapsed\"");
        BenchResult r = GoMailboat.run(go, 2, 1000, 3);
        assertThat(r.system()).isEqualTo(GoMailboat.SYSTEM);
        assertThat(r.round()).isEqualTo(3);
        assertThat(r.threads()).isEqualTo(2);
        assertThat(r.iterations()).isEqualTo(1000);
        assertThat(r.seconds()).isEqualTo(0.25);
        assertThat(r.iterationsPerSecond()).isEqualTo(8000.0);
        assertThat(r.fsync()).isFalse();
    }

    @Test
    void runWithoutItsLine_orWithOtherCounts_isAnError() throws Exception {
        // A failed or different run must not become a figure.
        Path failing = fake("echo 'panic: no such directory'; exit 2");
        assertThatThrownBy(() -> GoMailboat.run(failing, 1, 10, 1)).isInstanceOf(IOException.class)
                .hasMessageContaining("exited 2").hasMessageContaining("panic: no such directory");
        Path other = fake("echo '1 threads, 1000 iter, 1s elapsed'");
        assertThatThrownBy(() -> GoMailboat.run(other, 2, 10, 1)).isInstanceOf(IOException.class)
                .hasMessageContaining("ran 1 threads of 1000 iterations, not 2 of 10");
    }
}
