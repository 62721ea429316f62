package armada.mailboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mailboat bench} as a shell runs it, in-process with small numbers: the JSON lines parse
 * and say what ran; bad input is one line and exit code 2. No timing is asserted.
 */
class BenchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

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

    @Test
    void smokeRun_printsOneParsableJsonLinePerConfiguration() throws Exception {
        // 2 thread counts x 2 lock kinds x durable and not = 8 runs of a few hundred iterations,
        // after a warm-up that is not reported; each line names its configuration and adds up.
        Run r = run("bench", "--threads", "1,2", "--iterations", "150", "--warmup", "20", "--users", "10",
                "--locks", "memory,file", "--with-no-fsync", "--json", "--dir", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(8);
        for (JsonNode n : lines) {
            int threads = n.get("threads").asInt();
            assertThat(threads).isIn(1, 2);
            assertThat(n.get("iterations").asLong()).isEqualTo(150);
            assertThat(n.get("total_iterations").asLong()).isEqualTo(150L * threads);
            assertThat(n.get("delivered").asLong()).isEqualTo(150L * threads);
            assertThat(n.get("seconds").asDouble()).isPositive();
            // CPU time of the benchmark's threads: positive, and no more than they could use in that time.
            assertThat(n.get("cpu_seconds").asDouble()).isPositive()
                    .isLessThanOrEqualTo(n.get("seconds").asDouble() * threads * 1.05 + 0.01);
            assertThat(n.get("iterations_per_second").asDouble())
                    .isCloseTo(150.0 * threads / n.get("seconds").asDouble(), org.assertj.core.data.Percentage.withPercentage(1));
            assertThat(n.get("locks").asText()).isIn("memory", "file");
            assertThat(n.get("message_bytes").asInt()).isEqualTo(12);
            assertThat(n.get("fsync").isBoolean()).isTrue();
            // A run without fsync says what it is, in its own line.
            assertThat(n.has("note")).isEqualTo(!n.get("fsync").asBoolean());
        }
        assertThat(lines).extracting(n -> n.get("threads").asInt() + n.get("locks").asText() + n.get("fsync").asBoolean())
                .doesNotHaveDuplicates();
        // Progress on standard error: the warm-up first, then one line per run, and the warning.
        assertThat(r.err()).startsWith("bench: warm-up");
        assertThat(r.err()).contains("[8/8]").contains("NOT durable");
        // Nothing is left behind in the data directory.
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void goMailboatPeer_runsInEveryRoundAndThreadCount_andRatiosAreTakenWithinRounds() throws Exception {
        // A stand-in for the Go benchmark (its protocol: environment in, one timing line out).
        // It runs once per round and thread count beside ours, and the summary compares within rounds.
        Path go = dir.resolve("fake-go");
        Files.writeString(go, "#!/bin/sh\necho \"$GOMAIL_NPROC threads, $GOMAIL_NITER iter, 40ms elapsed\"\n");
        Files.setPosixFilePermissions(go, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Path data = Files.createDirectory(dir.resolve("data"));
        Run r = run("bench", "--threads", "1,2", "--iterations", "100", "--warmup", "10", "--users", "10", "--rounds", "2",
                "--go-mailboat", go.toString(), "--json", "--dir", data.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(8);
        List<JsonNode> peer = lines.stream().filter(n -> n.get("system").asText().equals("go-mailboat")).toList();
        assertThat(peer).extracting(n -> n.get("round").asInt() + ":" + n.get("threads").asInt())
                .containsExactlyInAnyOrder("1:1", "1:2", "2:1", "2:2");
        assertThat(peer).allMatch(n -> n.get("seconds").asDouble() == 0.04 && !n.get("fsync").asBoolean());
        // Odd rounds run the peer first, even rounds last, for each thread count.
        assertThat(lines.get(0).get("system").asText()).isEqualTo("go-mailboat");
        assertThat(lines.get(7).get("system").asText()).isEqualTo("go-mailboat");
        assertThat(r.err()).contains("Mailboat (Java), memory locks, durable / Go Mailboat, memory locks, no fsync:  1: ");
    }

    @Test
    void plotFromResults_drawsAPng() throws Exception {
        // --plot --from draws earlier results, ours and a peer's, without measuring anything.
        Path results = dir.resolve("results.jsonl");
        Files.writeString(results, """
                {"system":"armada-mailboat","threads":1,"iterations":100,"seconds":0.01,"fsync":true,"locks":"memory"}
                {"system":"armada-mailboat","threads":2,"iterations":100,"seconds":0.01,"fsync":true,"locks":"memory"}
                {"system":"go-mailboat","threads":1,"iterations":100,"seconds":0.02,"fsync":false,"locks":"memory"}
                {"system":"go-mailboat","threads":2,"iterations":100,"seconds":0.03,"fsync":false,"locks":"memory"}
                """);
        Path png = dir.resolve("figure.png");
        Run r = run("bench", "--plot", png.toString(), "--from", results.toString());
        assertThat(r.code()).as(r.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isPositive();
    }

    @Test
    void badInput_isOneLineAndExitCode2() throws Exception {
        // Each mistake is named in one line; nothing is run, no stack trace.
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"threads\":1}\n");
        String[][] cases = {
            {"bench", "--locks", "disk"},
            {"bench", "--fs", "ext4"},
            {"bench", "--go-mailboat", dir.resolve("no-such-binary").toString()},
            {"bench", "--iterations", "0"},
            {"bench", "--threads", "1,-2"},
            {"bench", "--no-fsync", "--with-no-fsync"},
            {"bench", "--from", bad.toString()},
            {"bench", "--plot", dir.resolve("x.png").toString(), "--from", bad.toString()},
            {"bench", "--plot", dir.resolve("x.png").toString(), "--from", dir.resolve("missing").toString()},
            {"bench", "--plot", dir.resolve("no/such/dir/x.png").toString(), "--iterations", "1"},
        };
        for (String[] args : cases) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", args)).startsWith("mailboat: ").doesNotContain("\n")
                    .doesNotContain("Exception");
        }
    }
}
