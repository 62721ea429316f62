package armada.mailboat.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * What an SMTP load run measured.
 *
 * @param target the server, {@code host:port}
 * @param senders concurrent connections
 * @param delivered messages the server accepted (250 after the final dot)
 * @param failed messages that got another reply or lost their connection
 * @param firstFailure what went wrong first, or null
 * @param messageBytes the size of each message
 * @param seconds wall-clock time of the run
 * @param latency microseconds from connect to the reply after the final dot, per accepted message
 */
public record SmtpLoadResult(String target, int senders, long delivered, long failed, @Nullable String firstFailure,
        int messageBytes, double seconds, Histogram latency) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public double messagesPerSecond() {
        return delivered / seconds;
    }

    /** Latency at a percentile (0-100) in milliseconds. */
    public double millis(double percentile) {
        return latency.getValueAtPercentile(percentile) / 1000.0;
    }

    /** One JSON line. */
    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("target", target).put("senders", senders).put("messages", delivered).put("failed", failed)
                .put("message_bytes", messageBytes).put("seconds", seconds)
                .put("messages_per_second", Math.round(messagesPerSecond() * 10) / 10.0);
        ObjectNode ms = n.putObject("latency_ms");
        ms.put("p50", millis(50)).put("p90", millis(90)).put("p99", millis(99)).put("p99_9", millis(99.9))
                .put("max", latency.getMaxValue() / 1000.0);
        if (firstFailure != null) {
            n.put("first_failure", firstFailure);
        }
        return n.toString();
    }

    /** One line for people. */
    public String describe() {
        return String.format(Locale.ROOT,
                "%s: %,d messages of %d bytes in %.2f s over %d connections at a time: %,.0f messages/s; "
                        + "latency ms p50 %.2f, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f%s",
                target, delivered, messageBytes, seconds, senders, messagesPerSecond(), millis(50), millis(90), millis(99),
                millis(99.9), latency.getMaxValue() / 1000.0,
                failed == 0 ? "" : "; " + failed + " FAILED (first: " + firstFailure + ")");
    }
}
