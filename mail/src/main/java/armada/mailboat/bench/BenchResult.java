package armada.mailboat.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;

/**
 * One measured run of one configuration, ours or a peer's (read back from its JSON line).
 *
 * @param system who ran: {@link #OURS} or a peer such as {@code go-mailboat}
 * @param round which round of the interleaved runs (from 1)
 * @param threads threads
 * @param iterations iterations per thread
 * @param seconds wall-clock time of the measured part
 * @param fsync whether the run fsynced (durable)
 * @param locks {@code memory} or {@code file}
 * @param fs the file system ours ran on ({@code linux} or {@code nio}); empty for a peer
 * @param messageBytes the size of every delivered message
 * @param delivered messages delivered (threads x iterations for a complete run)
 * @param pickedUp messages picked up and deleted
 * @param cpuSeconds CPU time (user and system) of the benchmark's threads in the measured part; 0
 *     when not known (a peer's line). Other processes on the machine move it far less than seconds.
 * @param userSeconds the part of {@code cpuSeconds} spent in user space (the rest is the kernel's)
 * @param allocatedBytes bytes the benchmark's threads allocated on the Java heap in the measured part
 */
public record BenchResult(String system, int round, int threads, long iterations, double seconds, boolean fsync,
        String locks, String fs, int messageBytes, long delivered, long pickedUp, double cpuSeconds,
        double userSeconds, long allocatedBytes) {

    /** The name of our library in results. */
    public static final String OURS = "armada-mailboat";
    /** What a run without fsync says about itself. */
    public static final String NO_FSYNC_NOTE = "no fsync: NOT durable; only to compare with peers that never fsync";

    private static final ObjectMapper JSON = new ObjectMapper();

    public long totalIterations() {
        return threads * iterations;
    }

    /** threads x iterations / seconds, as the Go benchmark's README defines it. */
    public double iterationsPerSecond() {
        return totalIterations() / seconds;
    }

    /** The line {@code --json} prints. */
    public String toJson() {
        return String.format(Locale.ROOT,
                "{\"system\":\"%s\",\"round\":%d,\"threads\":%d,\"iterations\":%d,\"total_iterations\":%d,"
                        + "\"seconds\":%.6f,\"iterations_per_second\":%.1f,\"fsync\":%b,\"locks\":\"%s\","
                        + "\"fs\":\"%s\",\"message_bytes\":%d,\"delivered\":%d,\"picked_up\":%d,"
                        + "\"cpu_seconds\":%.6f,\"cpu_us_per_iteration\":%.2f,\"user_seconds\":%.6f,"
                        + "\"allocated_bytes\":%d,\"allocated_bytes_per_iteration\":%.0f%s}",
                system, round, threads, iterations, totalIterations(), seconds, iterationsPerSecond(), fsync, locks,
                fs, messageBytes, delivered, pickedUp, cpuSeconds, cpuSeconds * 1e6 / totalIterations(), userSeconds,
                allocatedBytes, (double) allocatedBytes / totalIterations(),
                fsync ? "" : ",\"note\":\"" + NO_FSYNC_NOTE + "\"");
    }

    /**
     * A result from one JSON line: ours as {@link #toJson} wrote it, or a peer's with at least
     * {@code system}, {@code threads}, {@code iterations}, {@code seconds}, {@code fsync} and
     * {@code locks}.
     *
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    public static BenchResult parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        double seconds = number(n, "seconds").asDouble();
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("\"seconds\" must be positive");
        }
        return new BenchResult(text(n, "system"), n.path("round").asInt(1), number(n, "threads").asInt(),
                number(n, "iterations").asLong(), seconds, bool(n, "fsync"), text(n, "locks"), n.path("fs").asText(""),
                n.path("message_bytes").asInt(0), n.path("delivered").asLong(0), n.path("picked_up").asLong(0),
                n.path("cpu_seconds").asDouble(0), n.path("user_seconds").asDouble(0), n.path("allocated_bytes").asLong(0));
    }

    private static JsonNode number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a number");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return v.asText();
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isBoolean()) {
            throw new IllegalArgumentException("\"" + field + "\" must be true or false");
        }
        return v.asBoolean();
    }
}
