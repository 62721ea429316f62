package armada.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One in-process run of {@code armada}: its exit code and what it printed. {@link Main#execute}
 * prints through picocli's writers, which wrap {@code System.out}/{@code System.err} when the
 * command line is built, so swapping the two streams around the call captures everything.
 */
record CliRun(int exitCode, String out, String err) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Runs {@code armada args...} and restores the real streams afterwards. */
    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        int code;
        synchronized (CliRun.class) {
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                System.setOut(o);
                System.setErr(e);
                code = Main.execute(args);
                o.flush();
                e.flush();
            } finally {
                System.setOut(realOut);
                System.setErr(realErr);
            }
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The lines of stdout, without the final line break. */
    List<String> outLines() {
        return lines(out);
    }

    /** The lines of stderr, without the final line break. */
    List<String> errLines() {
        return lines(err);
    }

    /** Every stdout line parsed as JSON; fails if a line is not a JSON object. */
    List<JsonNode> jsonLines() {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : outLines()) {
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
            assertThat(node.isObject()).as("each stdout line is one JSON object: %s", line).isTrue();
            nodes.add(node);
        }
        return nodes;
    }

    /** The one JSON object printed; fails unless exactly one line was printed. */
    JsonNode singleJson() {
        List<JsonNode> nodes = jsonLines();
        assertThat(nodes).as("stdout of a run of one scenario:%n%s", out).hasSize(1);
        return nodes.getFirst();
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> parts = List.of(text.split("\\R", -1));
        return text.endsWith("\n") ? parts.subList(0, parts.size() - 1) : parts;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
