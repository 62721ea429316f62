package armada.mailboat.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ratios of one configuration's throughput to another's, taken within each round (the two runs of
 * a round and thread count are minutes apart at most, so drift on a shared machine hits both
 * alike), per thread count; their median is the figure to quote.
 */
public final class Ratios {

    private Ratios() {
    }

    /** One thread count's ratios, by round, and their median. */
    public record PerThreads(int threads, List<Double> byRound, double median) {
    }

    /**
     * {@code line} / {@code base} in iterations/s, per thread count, for every round that ran both
     * (configurations named by {@link ThroughputPlot#label}); empty if none did.
     */
    public static List<PerThreads> within(List<BenchResult> results, String line, String base) {
        Map<List<Integer>, Double> baseline = new HashMap<>();
        for (BenchResult r : results) {
            if (ThroughputPlot.label(r).equals(base)) {
                baseline.put(List.of(r.threads(), r.round()), r.iterationsPerSecond());
            }
        }
        Map<Integer, Map<Integer, Double>> ratios = new TreeMap<>();
        for (BenchResult r : results) {
            Double b = baseline.get(List.of(r.threads(), r.round()));
            if (ThroughputPlot.label(r).equals(line) && b != null) {
                ratios.computeIfAbsent(r.threads(), t -> new TreeMap<>()).put(r.round(), r.iterationsPerSecond() / b);
            }
        }
        List<PerThreads> out = new ArrayList<>();
        ratios.forEach((t, byRound) -> {
            List<Double> values = new ArrayList<>(byRound.values());
            out.add(new PerThreads(t, values, ThroughputPlot.median(values)));
        });
        return out;
    }
}
