package armada.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code armada history}: verdicts and exit codes, the JSON lines, and unreadable input named by
 * file and line without a stack trace. Histories are written to a temporary directory.
 */
class HistoryCommandTest {

    @TempDir
    Path dir;

    private Path file(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    private Path linearizableRegister() throws IOException {
        return file("ok.jsonl",
                "{\"type\": \"invoke\", \"client\": 0, \"op\": \"Write\", \"args\": {\"value\": 3}}",
                "{\"type\": \"invoke\", \"client\": 1, \"op\": \"Read\"}",
                "{\"type\": \"ok\", \"client\": 1, \"result\": {\"value\": 3}}",
                "{\"type\": \"crash\"}",
                "{\"type\": \"recovered\"}",
                "{\"type\": \"invoke\", \"client\": 1, \"op\": \"Cas\", \"args\": {\"expected\": 3, \"replacement\": 4}}",
                "{\"type\": \"ok\", \"client\": 1, \"result\": true}");
    }

    private Path lostWrite() throws IOException {
        return file("bad.log",
                "INFO  jepsen.util - 0\t:invoke\t:write\t1",
                "INFO  jepsen.util - 0\t:ok\t:write\t1",
                "INFO  jepsen.util - 1\t:invoke\t:read\tnil",
                "INFO  jepsen.util - 1\t:ok\t:read\tnil");
    }

    @Test
    void linearizableHistory_exitsZero() throws IOException {
        // A write pending at a crash was observed by a read, so it took effect and the crash kept it.
        CliRun run = CliRun.of("history", "--model", "cas-register", linearizableRegister().toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).hasSize(1);
        assertThat(run.outLines().getFirst()).startsWith("LINEARIZABLE").contains("ok.jsonl").contains("3 operations");
    }

    @Test
    void violation_exitsOne_andSaysWhatCannotBePlaced() throws IOException {
        // The read returned nil after the write of 1 completed.
        CliRun run = CliRun.of("history", "--model", "cas-register", lostWrite().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).startsWith("NOT_LINEARIZABLE").contains("c0 write(1) -> ()  => 1")
                .contains("cannot place next: c1 read() -> nil: from state 1 the spec's results are only: 1");
    }

    @Test
    void json_oneObjectPerFile_withTheContractFields() throws IOException {
        CliRun run = CliRun.of("history", "--model", "cas-register", "--json", linearizableRegister().toString(),
                lostWrite().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        List<JsonNode> lines = run.jsonLines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("file").asText()).endsWith("ok.jsonl");
        assertThat(lines.get(0).get("verdict").asText()).isEqualTo("LINEARIZABLE");
        assertThat(lines.get(0).get("operations").asInt()).isEqualTo(3);
        assertThat(lines.get(0).get("seconds").isNumber()).isTrue();
        assertThat(lines.get(1).get("verdict").asText()).isEqualTo("NOT_LINEARIZABLE");
        assertThat(lines.get(1).get("unplaced").asText()).isEqualTo("c1 read() -> nil");
        assertThat(lines.get(1).get("longestPrefix").asInt()).isEqualTo(1);
    }

    @Test
    void tooShortTimeLimit_isInconclusive_exitsOne() throws IOException {
        // Sixteen given-up appends and a read nothing explains: far more than 0.05 s of search.
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < 16; c++) {
            b.append("{:process ").append(c).append(", :type :invoke, :f :append, :key \"k\", :value \"")
                    .append(Integer.toHexString(c)).append("\"}\n");
            b.append("{:process ").append(c).append(", :type :info, :f :append, :key \"k\", :value nil}\n");
        }
        b.append("{:process 99, :type :invoke, :f :get, :key \"k\", :value nil}\n");
        b.append("{:process 99, :type :ok, :f :get, :key \"k\", :value \"impossible\"}\n");
        Path f = file("hard.edn", b.toString());

        CliRun run = CliRun.of("history", "--model", "kv", "--seconds", "0.05", "--json", f.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.singleJson().get("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(run.singleJson().get("reason").asText()).contains("time limit");
    }

    @Test
    void malformedLine_exitsTwo_namingFileAndLine() throws IOException {
        Path f = file("broken.jsonl",
                "{\"type\": \"invoke\", \"client\": 0, \"op\": \"Read\"}",
                "",
                "{\"type\": \"ok\", \"client\": 0, \"result\": {\"value\": 1}",
                "{\"type\": \"crash\"}");

        CliRun run = CliRun.of("history", "--model", "cas-register", f.toString(), linearizableRegister().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().getFirst()).startsWith("armada: " + f + ":3: ");
        assertThat(run.err()).doesNotContain("Exception").doesNotContainPattern("(?m)^\\s+at ");
        assertThat(run.outLines()).as("the readable file is still checked").hasSize(1);
    }

    @Test
    void historyBreakingTheRules_exitsTwo_namingTheLine() throws IOException {
        // A return with no invocation outstanding cannot come from a real recording.
        Path f = file("orphan.log", "INFO  jepsen.util - 3\t:ok\t:read\t1");

        CliRun run = CliRun.of("history", "--model", "cas-register", f.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).startsWith("armada: " + f + ":1: client 3 returns with no operation outstanding");
    }

    @Test
    void formatOfAnotherModel_exitsTwo() throws IOException {
        CliRun run = CliRun.of("history", "--model", "kv", lostWrite().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains(":1: this is a Jepsen register log, which only --model cas-register reads");
    }

    @Test
    void missingFile_exitsTwo() {
        CliRun run = CliRun.of("history", "--model", "kv", dir.resolve("nope.txt").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("nope.txt: no such file");
    }

    @Test
    void unknownModel_isAUsageError() throws IOException {
        CliRun run = CliRun.of("history", "--model", "queue", lostWrite().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("unknown model 'queue' (cas-register, kv)");
        assertThat(run.out()).isEmpty();
    }
}
