package armada.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search divided among workers (one process) or shards (several, merged afterwards) gives the
 * verdict and shows the failure of the undivided search of the same tree: the workers and shards
 * only decide who searches which subtree.
 */
class DividedSearchTest {

    /** Correct and broken scenarios of several kinds: crashes, crash states, locks, file systems, disk failures. */
    private static final String[] SCENARIOS = {
        "replicated-disk/two-writers", "replicated-disk/no-recovery", "replicated-disk/crash-in-recovery",
        "replicated-disk/unlocked-write", "mailboat/deliver-pickup", "mailboat/no-new-fsync",
        "file-replace/two-replaces", "file-replace/unlocked-read", "group-commit/early-ack", "wal/reordered",
        "applog/background-replay",
    };

    @TempDir
    Path dir;

    private static Map<String, JsonNode> byName(List<JsonNode> results) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        results.forEach(r -> m.put(r.get("name").asText(), r));
        return m;
    }

    private static String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of("check", "--json", "--progress", "none", "--split-depth", "3"));
        a.addAll(List.of(SCENARIOS));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void oneTwoOrThreeWorkers_sameVerdictsAndTheSameFailureShown() {
        Map<String, JsonNode> one = byName(CliRun.of(args("--workers", "1")).jsonLines());
        for (String workers : new String[] {"2", "3"}) {
            Map<String, JsonNode> more = byName(CliRun.of(args("--workers", workers)).jsonLines());
            assertThat(more.keySet()).isEqualTo(one.keySet());
            for (String name : SCENARIOS) {
                assertThat(more.get(name).get("verdict").asText()).as(name + " with " + workers + " workers")
                        .isEqualTo(one.get(name).get("verdict").asText());
                assertThat(more.get(name).path("schedule").asText()).as(name + " failure shown")
                        .isEqualTo(one.get(name).path("schedule").asText());
                assertThat(more.get(name).path("failure").path("kind").asText())
                        .isEqualTo(one.get(name).path("failure").path("kind").asText());
            }
        }
        // The table of expectations holds for each, so the comparison is between right answers.
        one.values().forEach(r -> assertThat(r.get("asExpected").asBoolean()).as(r.get("name").asText()).isTrue());
    }

    @Test
    void threeShardsMerged_giveTheVerdictsAndFailuresOfTheWholeSearch() throws IOException {
        Map<String, JsonNode> whole = byName(CliRun.of(args("--workers", "1")).jsonLines());
        List<String> files = new ArrayList<>(List.of("merge", "--json"));
        for (int k = 1; k <= 3; k++) {
            CliRun part = CliRun.of(args("--shard", k + "/3"));
            assertThat(part.exitCode()).as(part.toString()).isZero();
            for (JsonNode r : part.jsonLines()) {
                // A part never claims the whole scenario holds.
                assertThat(r.get("verdict").asText()).as(r.get("name").asText()).isNotEqualTo("HOLDS");
                assertThat(r.get("shard").asInt()).isEqualTo(k);
            }
            Path f = dir.resolve("shard-" + k + ".jsonl");
            Files.writeString(f, part.out(), StandardCharsets.UTF_8);
            files.add(f.toString());
        }
        CliRun merged = CliRun.of(files.toArray(String[]::new));
        assertThat(merged.exitCode()).as(merged.toString()).isZero();
        Map<String, JsonNode> m = byName(merged.jsonLines());
        assertThat(m.keySet()).containsExactlyInAnyOrderElementsOf(whole.keySet());
        for (String name : SCENARIOS) {
            assertThat(m.get(name).get("verdict").asText()).as(name).isEqualTo(whole.get(name).get("verdict").asText());
            assertThat(m.get(name).path("schedule").asText()).as(name + " failure shown")
                    .isEqualTo(whole.get(name).path("schedule").asText());
            assertThat(m.get(name).get("asExpected").asBoolean()).as(name).isTrue();
        }
    }

    @Test
    void aMissingShard_leavesTheMergedVerdictInconclusiveAndNamesIt() throws IOException {
        String name = "replicated-disk/two-writers";
        List<String> files = new ArrayList<>(List.of("merge", "--json"));
        for (int k : new int[] {1, 3}) {
            CliRun part = CliRun.of("check", name, "--json", "--progress", "none", "--shard", k + "/3");
            Path f = dir.resolve("part-" + k + ".jsonl");
            Files.writeString(f, part.out(), StandardCharsets.UTF_8);
            files.add(f.toString());
        }
        CliRun merged = CliRun.of(files.toArray(String[]::new));

        assertThat(merged.exitCode()).as("HOLDS was expected and not shown").isEqualTo(1);
        JsonNode r = merged.singleJson();
        assertThat(r.get("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(r.get("reason").asText()).contains("shards [2] of 3 are missing");
    }

    @Test
    void shardsOfDifferentSplits_areNotMerged() throws IOException {
        String name = "replicated-disk/two-writers";
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Files.writeString(a, CliRun.of("check", name, "--json", "--shard", "1/2", "--split-depth", "2").out());
        Files.writeString(b, CliRun.of("check", name, "--json", "--shard", "2/2", "--split-depth", "3").out());

        JsonNode r = CliRun.of("merge", "--json", a.toString(), b.toString()).singleJson();

        assertThat(r.get("verdict").asText()).isEqualTo("ERROR");
        assertThat(r.get("error").asText()).contains("disagree on splitDepth");
    }

    @Test
    void badInput_isAOneLineUsageError() throws IOException {
        Path junk = dir.resolve("junk.jsonl");
        Files.writeString(junk, "{\"name\":\"x\"\n");
        CliRun notJson = CliRun.of("merge", junk.toString());
        assertThat(notJson.exitCode()).isEqualTo(2);
        assertThat(notJson.err()).contains("junk.jsonl:1: not a JSON line").doesNotContain("Exception");

        Path whole = dir.resolve("whole.jsonl");
        Files.writeString(whole, CliRun.of("check", "replicated-disk/two-writers", "--json").out());
        CliRun notShard = CliRun.of("merge", whole.toString());
        assertThat(notShard.exitCode()).isEqualTo(2);
        assertThat(notShard.err()).contains("not of a shard");

        CliRun badShard = CliRun.of("check", "replicated-disk/two-writers", "--shard", "4/3");
        assertThat(badShard.exitCode()).isEqualTo(2);
        assertThat(badShard.err()).contains("--shard takes K/N");

        CliRun randomShard = CliRun.of("check", "replicated-disk/two-writers", "--shard", "1/2", "--strategy", "random");
        assertThat(randomShard.exitCode()).isEqualTo(2);
        assertThat(randomShard.err()).contains("does not go with --strategy random");
    }
}
