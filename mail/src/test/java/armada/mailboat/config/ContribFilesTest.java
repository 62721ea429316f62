package armada.mailboat.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The files in {@code contrib/} that administrators copy: the example configuration is one the
 * server takes, and the systemd unit starts the server on it and lets it write its data directory.
 */
class ContribFilesTest {

    private static final Path CONTRIB = Path.of("..", "contrib");

    @Test
    void exampleConfiguration_isReadByTheServer() throws IOException {
        // Every key is known and every value valid (the TLS files named there exist only on a
        // real host, so they are left out here): a typo in the example would be a start-up error.
        Map<String, String> values = new HashMap<>(ConfigFile.read(CONTRIB.resolve("mailboat.conf")));
        values.remove("tls-keystore");
        values.remove("tls-password-file");
        values.remove("submission");
        Settings s = Settings.of(values);
        assertThat(s.data()).isEqualTo(Path.of("/var/lib/mailboat"));
        assertThat(s.server().messageBuffer()).isEqualTo(64L << 20);
        assertThat(s.server().quota()).isEqualTo(1L << 30);
    }

    @Test
    void systemdUnit_startsTheServerOnTheExampleAndMayWriteItsData() throws IOException {
        // The unit runs `mailboat serve --config /etc/mailboat.conf` (where the install lines copy
        // the example), and ReadWritePaths is the example's data directory: with
        // ProtectSystem=strict nothing else is writable, and the Maildirs are made there.
        List<String> unit = Files.readAllLines(CONTRIB.resolve("mailboat.service"));
        Map<String, String> conf = ConfigFile.read(CONTRIB.resolve("mailboat.conf"));
        assertThat(unit).anyMatch(l -> l.matches("ExecStart=\\S*/mailboat serve --config /etc/mailboat\\.conf"));
        assertThat(unit).contains("ReadWritePaths=" + conf.get("data"), "ProtectSystem=strict", "KillSignal=SIGTERM");
        assertThat(unit).anyMatch(l -> l.startsWith("cp contrib/mailboat.conf /etc/mailboat.conf")
                || l.contains("cp contrib/mailboat.conf /etc/mailboat.conf"));
    }
}
