package armada.mailboat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import armada.mailboat.log.LogFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file and the settings it shares with the command line: values, defaults, one-line errors. */
class SettingsTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("mailboat.conf");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void fileWithEveryKindOfValue_becomesTheServerConfig() throws IOException {
        // Durations and sizes with units, a list of domains, comments and blank lines.
        Map<String, String> values = ConfigFile.read(file("""
                # Mailboat
                data = /srv/mail
                smtp = 0.0.0.0:25
                domain = Example.org, example.net

                postmaster = alice
                max-connections-per-client = 5
                idle-timeout = 90s
                session-timeout = 2h
                drain-timeout = 250ms
                quota = 500M
                max-message-size = 20M
                log-format = json
                """));
        Settings s = Settings.of(values);
        assertThat(s.data()).isEqualTo(Path.of("/srv/mail"));
        assertThat(s.logFormat()).isEqualTo(LogFormat.JSON);
        ServerConfig c = s.server();
        assertThat(c.smtp().getPort()).isEqualTo(25);
        assertThat(c.pop3().getPort()).isEqualTo(2110);
        assertThat(c.domains()).containsExactly("example.org", "example.net");
        assertThat(c.postmaster()).isEqualTo("alice");
        assertThat(c.maxPerClient()).isEqualTo(5);
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.sessionTimeout()).isEqualTo(Duration.ofHours(2));
        assertThat(c.drainTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.quota()).isEqualTo(500L << 20);
        assertThat(c.maxMessageSize()).isEqualTo(20L << 20);
        assertThat(c.submission()).isNull();
    }

    @Test
    void optionOverFile_wins() throws IOException {
        // serve puts the options given on top of the file's values.
        Map<String, String> values = new HashMap<>(ConfigFile.read(file("data = /a\nidle-timeout = 1m\n")));
        values.put("idle-timeout", "7s");
        assertThat(Settings.of(values).server().idleTimeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void badLines_areOneLineErrorsNamingFileAndLine() throws IOException {
        // Unknown key, no '=', a key twice: the operator is told where.
        assertThatThrownBy(() -> ConfigFile.read(file("data = /a\nqouta = 1M\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2: unknown key 'qouta'")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> ConfigFile.read(file("just words\n")))
                .hasMessageContaining("line 1: expected key = value");
        assertThatThrownBy(() -> ConfigFile.read(file("quota = 1\nquota = 2\n")))
                .hasMessageContaining("line 2: 'quota' is set twice");
        assertThatThrownBy(() -> ConfigFile.read(dir.resolve("missing.conf")))
                .hasMessageStartingWith("cannot read the configuration file");
    }

    @Test
    void badValues_nameTheKey() {
        // Each value is checked once, with the key in the message.
        for (String[] bad : new String[][] {
                {"idle-timeout", "soon"}, {"quota", "12x"}, {"max-connections", "0"}, {"smtp", "nowhere"},
                {"domain", "bad_domain"}, {"postmaster", "Bob"}, {"log-format", "xml"}, {"trust-loopback", "maybe"}}) {
            Map<String, String> values = new HashMap<>(Map.of("data", "/a"));
            values.put(bad[0], bad[1]);
            assertThatThrownBy(() -> Settings.of(values)).as(bad[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad[0]);
        }
        assertThatThrownBy(() -> Settings.of(Map.of())).hasMessageContaining("data directory");
    }

    @Test
    void messageBuffer_isReadAndMustHoldTheLargestMessage() {
        // The bound on DATA held in memory: a size, by default a quarter of the heap (at least
        // one message), and never smaller than one message of the size limit, which it could never take.
        assertThat(Settings.of(Map.of("data", "/a", "message-buffer", "64M")).server().messageBuffer())
                .isEqualTo(64L << 20);
        assertThat(Settings.of(Map.of("data", "/a")).server().messageBuffer())
                .isEqualTo(Math.max(10L << 20, Runtime.getRuntime().maxMemory() / 4));
        assertThatThrownBy(() -> Settings.of(Map.of("data", "/a", "message-buffer", "1M", "max-message-size", "2M")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the message buffer (1048576 octets) must hold at least one message of the largest size "
                        + "(2097152 octets)");
        assertThatThrownBy(() -> Settings.of(Map.of("data", "/a", "message-buffer", "lots")))
                .hasMessageContaining("message-buffer");
    }

    @Test
    void submissionWithoutTls_isRefused() {
        // AUTH only after STARTTLS: a submission service without a certificate could never be used.
        assertThatThrownBy(() -> Settings.of(Map.of("data", "/a", "submission", "127.0.0.1:587")))
                .hasMessageContaining("submission service needs TLS");
    }
}
