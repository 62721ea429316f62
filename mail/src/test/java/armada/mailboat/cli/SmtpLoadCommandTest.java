package armada.mailboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import armada.mailboat.config.ServerConfig;
import armada.mailboat.server.MailServer;
import armada.mailboat.users.UserStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mailboat smtp-load} against a server in this JVM on an ephemeral port: the JSON line
 * parses, counts what the server stored, and a refused recipient is a failure. No timing is asserted.
 */
class SmtpLoadCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private MailServer server() throws Exception {
        UserStore.open(data).add("bench", "bench-password".toCharArray());
        ServerConfig c = ServerConfig.defaults().withPorts(new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", 0));
        return MailServer.start(data, c.withClientLimits(100, c.sessionTimeout(), c.drainTimeout()));
    }

    private static String address(MailServer s) {
        return "127.0.0.1:" + s.smtpAddress().getPort();
    }

    @Test
    void smallLoad_everyMessageIsStoredAndCounted() throws Exception {
        // 4 senders, 60 messages after 10 of warm-up: the server acknowledges a message only once
        // it is stored, so new/ holds all 70, each of the size asked for plus the server's
        // Received header (with LF line ends on disk).
        try (MailServer s = server()) {
            Run r = run("smtp-load", "--smtp", address(s), "--to", "bench@localhost", "--senders", "4", "--messages",
                    "60", "--warmup", "10", "--message-bytes", "500", "--json");
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode n = JSON.readTree(r.out().strip());
            assertThat(n.get("messages").asLong()).isEqualTo(60);
            assertThat(n.get("failed").asLong()).isZero();
            assertThat(n.get("senders").asInt()).isEqualTo(4);
            assertThat(n.get("message_bytes").asInt()).isEqualTo(500);
            assertThat(n.get("messages_per_second").asDouble())
                    .isCloseTo(60 / n.get("seconds").asDouble(), org.assertj.core.data.Percentage.withPercentage(1));
            JsonNode ms = n.get("latency_ms");
            assertThat(ms.get("p50").asDouble()).isPositive();
            assertThat(ms.get("p50").asDouble()).isLessThanOrEqualTo(ms.get("p99").asDouble());
            assertThat(ms.get("p99").asDouble()).isLessThanOrEqualTo(ms.get("max").asDouble());
            assertThat(n.has("first_failure")).isFalse();
            assertThat(r.err()).contains("warm-up: 10 messages");
            try (Stream<Path> stored = Files.list(data.resolve("bench/new"))) {
                List<Path> files = stored.toList();
                assertThat(files).hasSize(70);
                for (Path f : files) {
                    String text = Files.readString(f, StandardCharsets.US_ASCII);
                    assertThat(text).contains("Subject: smtp-load ").doesNotContain("\r");
                    long lines = text.lines().count();
                    assertThat(Files.size(f)).isGreaterThan(500 - lines);
                }
            }
        }
    }

    @Test
    void unknownRecipient_isCountedAsFailedAndExitCode1() throws Exception {
        // Every RCPT is refused (550): nothing is delivered, each message counts as failed, and
        // the first refusal is reported.
        try (MailServer s = server()) {
            Run r = run("smtp-load", "--smtp", address(s), "--to", "nobody@localhost", "--senders", "2", "--messages",
                    "5", "--warmup", "0", "--json");
            assertThat(r.code()).isEqualTo(1);
            JsonNode n = JSON.readTree(r.out().strip());
            assertThat(n.get("messages").asLong()).isZero();
            assertThat(n.get("failed").asLong()).isEqualTo(5);
            assertThat(n.get("first_failure").asText()).startsWith("expected 250, got: 550");
        }
    }

    @Test
    void badAddress_isOneLineAndExitCode2() {
        for (String bad : List.of("localhost", "localhost:0", "localhost:x", ":25")) {
            Run r = run("smtp-load", "--smtp", bad, "--to", "a@b");
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err().strip()).as(bad).startsWith("mailboat: ").doesNotContain("\n");
        }
    }
}
