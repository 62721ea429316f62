package armada.mailboat.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The papers' figure (Armada figure 10, CSPEC figure 17): throughput against threads, one line per
 * configuration (system, locks, fsync), each point the median of the runs of that configuration.
 */
public final class ThroughputPlot {

    private ThroughputPlot() {
    }

    /** A configuration's line: its label and, per thread count, the median iterations/s. */
    public record Line(String label, Map<Integer, Double> medians) {
    }

    /** The lines of {@code results}, in order of first appearance. */
    public static List<Line> lines(List<BenchResult> results) {
        Map<String, Map<Integer, List<Double>>> runs = new LinkedHashMap<>();
        for (BenchResult r : results) {
            runs.computeIfAbsent(label(r), k -> new TreeMap<>())
                    .computeIfAbsent(r.threads(), k -> new ArrayList<>())
                    .add(r.iterationsPerSecond());
        }
        List<Line> out = new ArrayList<>();
        runs.forEach((label, byThreads) -> {
            Map<Integer, Double> medians = new TreeMap<>();
            byThreads.forEach((t, values) -> medians.put(t, median(values)));
            out.add(new Line(label, medians));
        });
        return out;
    }

    /**
     * {@code Mailboat (Java), memory locks, durable}, {@code Go Mailboat, memory locks, no fsync};
     * ours on the NIO file system says so ({@code ..., durable, NIO}).
     */
    public static String label(BenchResult r) {
        String who = r.system().equals(BenchResult.OURS) ? "Mailboat (Java)"
                : r.system().equals("go-mailboat") ? "Go Mailboat" : r.system();
        return who + ", " + r.locks() + " locks, " + (r.fsync() ? "durable" : "no fsync")
                + (r.fs().equals("nio") ? ", NIO" : "");
    }

    /** The median of {@code values} (the mean of the middle two for an even count). */
    public static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Draws the figure of {@code results} as a PNG file {@code png}. */
    public static void write(List<BenchResult> results, Path png, String subtitle) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(640)
                .title("Mailboat throughput (deliver + pickup + delete), " + subtitle)
                .xAxisTitle("threads").yAxisTitle("iterations/s").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setMarkerSize(8);
        int most = 1;
        for (Line line : lines(results)) {
            double[] x = new double[line.medians().size()];
            double[] y = new double[x.length];
            int i = 0;
            for (Map.Entry<Integer, Double> e : line.medians().entrySet()) {
                x[i] = e.getKey();
                y[i] = e.getValue();
                most = Math.max(most, e.getKey());
                i++;
            }
            chart.addSeries(line.label(), x, y);
        }
        chart.getStyler().setXAxisMin(0.5);
        chart.getStyler().setXAxisMax(most + 0.5);
        chart.getStyler().setXAxisMaxLabelCount(most);
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
