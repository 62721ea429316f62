package armada.mailboat.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Go Mailboat's own benchmark ({@code cmd/mailboat-bench} of the Armada paper's Mailboat), run
 * as a peer beside ours: {@code GOMAIL_NPROC} threads of {@code GOMAIL_NITER} iterations each
 * (deliver, pickup, delete all, unlock; it never fsyncs), {@code GOMAXPROCS} = threads, its data
 * directory as its build fixed it. It prints {@code T threads, N iter, ELAPSED elapsed}, ELAPSED a
 * Go duration; iterations/s = T x N / ELAPSED, measured inside its process as ours is.
 */
public final class GoMailboat {

    /** Its name in results. */
    public static final String SYSTEM = "go-mailboat";

    private static final Pattern LINE = Pattern.compile("(\\d+) threads, (\\d+) iter, (\\S+) elapsed");
    private static final Pattern PART = Pattern.compile("([0-9.]+)(h|ms|us|µs|ns|m|s)");

    private GoMailboat() {
    }

    /** Runs the benchmark {@code binary} once. */
    public static BenchResult run(Path binary, int threads, int iterations, int round) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(binary.toString(), "-verbose").redirectErrorStream(true);
        pb.environment().put("GOMAIL_NPROC", Integer.toString(threads));
        pb.environment().put("GOMAIL_NITER", Integer.toString(iterations));
        pb.environment().put("GOMAXPROCS", Integer.toString(threads));
        Process p = pb.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (output.size() < 100) {
                    output.add(line);
                }
            }
        }
        int code = p.waitFor();
        for (String line : output) {
            Matcher m = LINE.matcher(line);
            if (m.find() && code == 0) {
                if (Integer.parseInt(m.group(1)) != threads || Integer.parseInt(m.group(2)) != iterations) {
                    throw new IOException(binary + " ran " + m.group(1) + " threads of " + m.group(2) + " iterations, not "
                            + threads + " of " + iterations);
                }
                long total = (long) threads * iterations;
                return new BenchResult(SYSTEM, round, threads, iterations, seconds(m.group(3)), false, "memory", "", 12,
                        total, 0, 0, 0, 0);
            }
        }
        throw new IOException(binary + " exited " + code + " without its timing line: " + String.join(" / ", output));
    }

    /** A Go duration ({@code 1.5s}, {@code 850.2ms}, {@code 1m3.25s}) in seconds. */
    static double seconds(String duration) {
        Matcher m = PART.matcher(duration);
        double s = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            double v = Double.parseDouble(m.group(1));
            s += switch (m.group(2)) {
                case "h" -> v * 3600;
                case "m" -> v * 60;
                case "s" -> v;
                case "ms" -> v / 1e3;
                case "us", "µs" -> v / 1e6;
                default -> v / 1e9;
            };
            end = m.end();
        }
        if (end != duration.length() || end == 0) {
            throw new IllegalArgumentException("not a Go duration: " + duration);
        }
        return s;
    }
}
