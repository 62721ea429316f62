package armada.report;

import armada.check.Values;
import armada.history.Episode;
import armada.history.History;
import armada.history.HistoryResult;
import armada.history.Linearization;
import armada.history.Operation;
import armada.history.PartialLinearization;
import armada.history.RecordedEvent;
import armada.history.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Renders a recorded history and the checker's verdict on it as one self-contained HTML page
 * (inline CSS, SVG and a few lines of script; nothing loaded from elsewhere): a lane per client,
 * each operation a bar from invocation to return, crash episodes shaded with their crashes and
 * recovery marked, the linearization (or the longest partial ones) drawn as numbered points
 * joined in order, the operation that could not be placed outlined in red, and a table of the
 * steps with the spec state after each. Hovering shows an operation's arguments, result and
 * events, and a step's state.
 *
 * <p>Time runs left to right in quarters of events: event {@code e} sits at quarter {@code 4e},
 * an operation may take effect from one quarter after its invocation, and a crash step sits two
 * quarters after its recovery event, as in the checker's own windows.
 */
public final class HistoryHtml {

    private static final int LEFT = 110;
    private static final int TOP = 60;
    private static final int LANE = 30;
    private static final int BAR = 14;
    private static final String[] PALETTE = {"#1f6feb", "#8250df", "#bf8700", "#0a7ea4", "#bc4c00", "#6e7781"};

    private final History h;
    private final HistoryResult r;
    /** What a lane is: a client of a recording, a thread of a simulated execution. */
    private final String laneName;
    private final double px;
    private final Map<Integer, Integer> lanes = new TreeMap<>();
    private final StringBuilder svg = new StringBuilder();
    /** The partition of each operation placed in a linearization, when there are several. */
    private final Map<Integer, String> partitionOf = new TreeMap<>();

    private HistoryHtml(History h, HistoryResult r, String laneName) {
        this.h = h;
        this.r = r;
        this.laneName = laneName;
        int events = Math.max(1, h.events().size());
        this.px = Math.max(2.0, Math.min(8.0, 1600.0 / (4.0 * events)));
        for (Operation o : h.operations()) {
            lanes.putIfAbsent(o.client(), 0);
        }
        int i = h.episodes().stream().anyMatch(Episode::recovered) ? 1 : 0; // lane 0: the spec's crash steps, if any
        for (Map.Entry<Integer, Integer> e : lanes.entrySet()) {
            e.setValue(i++);
        }
    }

    /** The page for history {@code h} (titled {@code title}, a file name say) and its verdict {@code r}. */
    public static String render(String title, History h, HistoryResult r) {
        return new HistoryHtml(h, r, "client").page(title, "");
    }

    /**
     * The page of a simulated execution's history (its clients are threads), with {@code note}
     * (the counterexample's failure) above the timeline.
     */
    public static String renderExecution(String title, String note, History h, HistoryResult r) {
        return new HistoryHtml(h, r, "thread").page(title, note);
    }

    private double x(double quarter) {
        return LEFT + quarter * px;
    }

    private int lane(Operation o) {
        return lanes.getOrDefault(o.client(), 0);
    }

    private static double y(int lane) {
        return TOP + lane * LANE;
    }

    private String page(String title, String note) {
        int events = h.events().size();
        double width = x(4.0 * events + 4) + 20;
        double height = y(lanes.size() + 1) + 10;
        int drawnPartitions = r instanceof HistoryResult.Linearizable l ? l.linearizations().size() : 1;
        if (drawnPartitions > 1) {
            for (Linearization lin : ((HistoryResult.Linearizable) r).linearizations()) {
                for (Step st : lin.steps()) {
                    if (st.operation() != null) {
                        partitionOf.put(st.operation().index(), Values.show(lin.partition()));
                    }
                }
            }
        }
        svg.append(String.format(Locale.ROOT, "<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\""
                + " height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">%n", width, height, width, height));
        svg.append("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><rect width=\"3\" height=\"6\" fill=\"#f0a35e\"/></pattern></defs>\n");
        episodes(height);
        laneLabels(width);
        for (Operation o : h.operations()) {
            operation(o);
        }
        List<String> table = linearizations();
        svg.append("</svg>\n");
        return document(title, note, table);
    }

    private void episodes(double height) {
        int crash = 0;
        for (Episode e : h.episodes()) {
            double from = x(4.0 * e.crashesAt().getFirst());
            double to = e.recovered() ? x(4.0 * e.recoveredAt()) : x(4.0 * h.events().size());
            svg.append(String.format(Locale.ROOT, "<rect class=\"episode\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\">"
                    + "<title>crash episode %d</title></rect>%n", from, TOP - 14, to - from, height - TOP + 4, e.firstCrash()));
            for (int at : e.crashesAt()) {
                crash++;
                marker("crash", x(4.0 * at), height, TOP - 24, "crash " + crash, "crash " + crash + " (event " + at + ")");
            }
            if (e.recovered()) {
                marker("recovery", to, height, TOP - 40, "recovered", "recovery completed (event " + e.recoveredAt()
                        + "): the spec's crash step");
            }
        }
    }

    private void marker(String kind, double at, double height, int labelY, String label, String tip) {
        svg.append(String.format(Locale.ROOT, "<g class=\"%s\"><line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\"/>"
                + "<text x=\"%.1f\" y=\"%d\">%s</text><title>%s</title></g>%n", kind, at, labelY + 4, at, height - 6, at + 2,
                labelY, esc(label), esc(tip)));
    }

    private void laneLabels(double width) {
        if (h.episodes().stream().anyMatch(Episode::recovered)) {
            svg.append(String.format(Locale.ROOT, "<text class=\"lane\" x=\"6\" y=\"%.1f\">spec crash</text>%n", y(0) + 4));
        }
        for (Map.Entry<Integer, Integer> e : lanes.entrySet()) {
            double at = y(e.getValue());
            svg.append(String.format(Locale.ROOT, "<line class=\"lane-rule\" x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                    + "<text class=\"lane\" x=\"6\" y=\"%.1f\">%s %d</text>%n", LEFT, at, width, at, at + 4, laneName, e.getKey()));
        }
    }

    /** The quarter from which operation {@code o} may take effect. */
    private double start(Operation o) {
        return o.startsAfterRecovery() ? 4.0 * recoveryAfter(o.invokedAt()) + 3 : 4.0 * o.invokedAt() + 1;
    }

    private int recoveryAfter(int event) {
        for (Episode e : h.episodes()) {
            if (e.recovered() && e.recoveredAt() > event && e.crashesAt().getFirst() < event) {
                return e.recoveredAt();
            }
        }
        return h.events().size();
    }

    /** The recovery event of the episode of crash number {@code crash}, or the end of the history. */
    private int recoveryOf(int crash) {
        for (Episode e : h.episodes()) {
            if (crash >= e.firstCrash() && crash < e.firstCrash() + e.crashesAt().size()) {
                return e.recovered() ? e.recoveredAt() : h.events().size();
            }
        }
        return h.events().size();
    }

    /** The event of crash number {@code crash}. */
    private int crashEvent(int crash) {
        int n = 0;
        for (int i = 0; i < h.events().size(); i++) {
            if (h.events().get(i) instanceof RecordedEvent.Crash && ++n == crash) {
                return i;
            }
        }
        return h.events().size();
    }

    private void operation(Operation o) {
        double lane = y(lane(o));
        double top = lane - BAR / 2.0;
        double from = x(4.0 * o.invokedAt());
        int end = o.endedAt() >= 0 ? o.endedAt() : h.events().size();
        String tip = Step.shown(o.describe()) + "\ninvoked at event " + o.invokedAt()
                + (o.endedAt() >= 0 ? ", ended at event " + o.endedAt() : ", never ended")
                + (o.startsAfterRecovery() ? "\ninvoked while the server was down: it can start only after recovery" : "");
        String part = partitionOf.get(o.index());
        svg.append(String.format(Locale.ROOT, "<g class=\"op %s\" data-op=\"%d\"%s>", o.status().name().toLowerCase(Locale.ROOT),
                o.index(), part == null ? "" : " data-partition=\"" + esc(part) + "\""));
        if (o.cutOffBy() > 0) {
            // Solid until the crash that stopped it, hatched while it may still take effect.
            double crash = x(4.0 * crashEvent(o.cutOffBy()));
            double recovery = x(4.0 * recoveryOf(o.cutOffBy()));
            rect("bar", from, top, Math.max(2, crash - from));
            rect("window", crash, top, Math.max(2, recovery - crash));
            tip += "\nstopped by crash " + o.cutOffBy() + ": it may take effect until that episode's recovery, or never";
        } else if (o.status() == Operation.Status.UNKNOWN || o.status() == Operation.Status.PENDING) {
            double gaveUp = x(4.0 * end);
            rect("bar", from, top, Math.max(2, gaveUp - from));
            rect("window", gaveUp, top, Math.max(2, x(4.0 * h.events().size()) - gaveUp));
            tip += "\nit may take effect at any later time, or never";
        } else if (o.startsAfterRecovery()) {
            // Sent while the server was down: it waits for the recovery, then runs.
            double starts = x(start(o) - 3);
            svg.append(String.format(Locale.ROOT, "<line class=\"waiting\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                    from, lane, starts, lane));
            rect("bar", starts, top, Math.max(2, x(4.0 * end) - starts));
        } else {
            rect("bar", from, top, Math.max(2, x(4.0 * end) - from));
        }
        svg.append("<title>").append(esc(tip)).append("</title></g>\n");
    }

    private void rect(String kind, double from, double top, double width) {
        svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" rx=\"3\"/>",
                kind, from, top, width, BAR));
    }

    /** Draws the linearizations (or the longest partial ones) and returns the table rows. */
    private List<String> linearizations() {
        List<String> rows = new ArrayList<>();
        switch (r) {
            case HistoryResult.Linearizable l -> {
                int color = 0;
                for (Linearization lin : l.linearizations()) {
                    path(lin.steps(), PALETTE[color++ % PALETTE.length], lin.partition(), rows);
                }
            }
            case HistoryResult.NotLinearizable n -> {
                PartialLinearization p = n.longest().getFirst();
                path(p.steps(), PALETTE[0], p.partition(), rows);
                Operation o = p.unplaced();
                if (o != null) {
                    svg.append(String.format(Locale.ROOT, "<g class=\"unplaced\" data-op=\"%d\"><rect x=\"%.1f\" y=\"%.1f\""
                            + " width=\"%.1f\" height=\"%d\" rx=\"3\"/><title>%s</title></g>%n", o.index(),
                            x(4.0 * o.invokedAt()) - 2, y(lane(o)) - BAR / 2.0 - 2,
                            Math.max(6, x(4.0 * (o.endedAt() >= 0 ? o.endedAt() : h.events().size())) - x(4.0 * o.invokedAt()) + 4),
                            BAR + 4, esc("cannot be placed: " + p.why())));
                }
                rows.add("<tr class=\"unplaced-row\"><td>next</td><td>" + esc(o == null ? "crash step of episode "
                        + (p.unplacedEpisode() + 1) : o.describe()) + "</td><td>" + esc(p.why()) + "</td></tr>");
            }
            case HistoryResult.Inconclusive i -> {
            }
        }
        return rows;
    }

    /** The points of one linearization, placed in order within each step's window, joined by a line. */
    private void path(List<Step> steps, String color, @Nullable Object partition, List<String> rows) {
        double[] at = new double[steps.size()];
        double t = 0;
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            Operation o = s.operation();
            double lo = o == null ? 4.0 * h.episodes().get(s.episode()).recoveredAt() + 2 : start(o);
            t = Math.max(t, lo);
            at[k] = t;
        }
        // Steps that share a quarter are spread evenly within it, in order.
        for (int k = 0; k < steps.size(); ) {
            int same = k;
            while (same < steps.size() && at[same] == at[k]) {
                same++;
            }
            for (int m = k; m < same; m++) {
                at[m] += 0.8 * (m - k) / (same - k);
            }
            k = same;
        }
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        String where = partition == null ? "" : " (partition " + Values.show(partition) + ")";
        String attr = partition == null ? "" : " data-partition=\"" + esc(Values.show(partition)) + "\"";
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            Operation o = s.operation();
            double cx = x(at[k]);
            double cy = o == null ? y(0) : y(lane(o));
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", cx, cy));
            String what = Step.shown(o == null ? "crash step of episode " + (s.episode() + 1) : o.describe());
            String state = Step.shown(s.state());
            dots.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"%s\""
                    + " data-step=\"%d\"%s><title>%s</title></circle>%n", cx, cy, color, rows.size(), attr,
                    esc("step " + (k + 1) + where + ": " + what + "\nstate after: " + state)));
            rows.add("<tr data-step=\"" + rows.size() + "\"" + attr + "><td>" + (k + 1) + "</td><td>" + esc(what + where) + "</td><td>"
                    + esc(state) + "</td></tr>");
        }
        if (!steps.isEmpty()) {
            svg.append("<polyline class=\"path\"").append(attr).append(" stroke=\"").append(color).append("\" points=\"").append(points.toString().strip())
                    .append("\"/>\n");
        }
        svg.append(dots);
    }

    private String document(String title, String note, List<String> rows) {
        HistoryResult.Stats st = r.stats();
        String verdict = r.label() + (r instanceof HistoryResult.Linearizable l && l.vacuous() ? " (vacuous)" : "");
        String explanation = switch (r) {
            case HistoryResult.Linearizable l -> l.vacuous()
                    ? "The spec reached undefined behaviour, after which anything is allowed."
                    : "The points show one order of spec steps that explains the history.";
            case HistoryResult.NotLinearizable n -> "No order of spec steps explains the history. The points show the"
                    + " longest linearizable prefix found; the operation outlined in red cannot come next: "
                    + n.longest().getFirst().why();
            case HistoryResult.Inconclusive i -> "The check stopped before deciding: " + i.reason();
        };
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(verdict + " " + title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<h1><span class=\"verdict ").append(r.label().toLowerCase(Locale.ROOT)).append("\">").append(esc(verdict))
                .append("</span> ").append(esc(title)).append("</h1>\n");
        b.append(String.format(Locale.ROOT, "<p class=\"stats\">%s, %s, %s, %d states searched, %.3f s</p>%n",
                plural(st.operations(), "operation"), plural(h.episodes().size(), "crash episode"),
                plural(st.partitions(), "partition"), st.states(), st.seconds()));
        if (!note.isEmpty()) {
            b.append("<pre id=\"note\">").append(esc(note)).append("</pre>\n");
        }
        b.append("<p id=\"explanation\">").append(esc(explanation)).append("</p>\n");
        b.append("<p class=\"legend\"><span class=\"key ok\"></span>returned <span class=\"key fail\"></span>failed"
                + " <span class=\"key window\"></span>may still take effect <span class=\"key crash\"></span>crash"
                + " <span class=\"key recovery\"></span>recovery (spec crash step) <span class=\"key point\"></span>"
                + "linearization point</p>\n");
        if (r instanceof HistoryResult.Linearizable l && l.linearizations().size() > 1) {
            b.append("<p><label>partition <select id=\"partition\"><option value=\"\">all</option>");
            for (Linearization lin : l.linearizations()) {
                String key = esc(Values.show(lin.partition()));
                b.append("<option value=\"").append(key).append("\">").append(key).append("</option>");
            }
            b.append("</select></label> shows one partition's linearization and dims the other operations</p>\n");
        }
        b.append("<div class=\"scroll\">\n").append(svg).append("</div>\n");
        b.append("<table id=\"steps\"><thead><tr><th>step</th><th>operation</th><th>spec state after</th></tr></thead><tbody>\n");
        for (String row : rows) {
            b.append(row).append('\n');
        }
        b.append("</tbody></table>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    private static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** Text for HTML content and attributes. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body { font: 14px/1.4 system-ui, sans-serif; margin: 16px; color: #1f2328; }
            #note { background: #f6f8fa; border-left: 4px solid #cf222e; padding: 6px 10px; white-space: pre-wrap; }
            h1 { font-size: 18px; } .verdict { padding: 2px 8px; border-radius: 4px; color: white; }
            .verdict.linearizable { background: #1a7f37; } .verdict.not_linearizable { background: #cf222e; }
            .verdict.inconclusive { background: #9a6700; }
            .scroll { overflow-x: auto; border: 1px solid #d0d7de; margin: 8px 0; }
            .lane { font-size: 12px; fill: #57606a; } .lane-rule { stroke: #eaeef2; }
            .op .bar { fill: #54aeff; } .op.failed .bar { fill: #afb8c1; } .waiting { stroke: #54aeff; stroke-width: 2; stroke-dasharray: 3 3; } .op.unknown .bar, .op.pending .bar { fill: #f0a35e; }
            .op .window { fill: url(#hatch); opacity: 0.7; } .op:hover .bar { stroke: #0969da; stroke-width: 2; }
            .episode { fill: #ffebe9; } .crash line { stroke: #cf222e; stroke-width: 2; } .crash text { fill: #cf222e; font-size: 11px; }
            .recovery line { stroke: #1a7f37; stroke-width: 2; stroke-dasharray: 4 2; } .recovery text { fill: #1a7f37; font-size: 11px; }
            .path { fill: none; stroke-width: 1.5; opacity: 0.6; } .point { stroke: white; stroke-width: 1; cursor: pointer; }
            .point.active { stroke: black; stroke-width: 2; } .op.dim { opacity: 0.2; } .unplaced rect { fill: none; stroke: #cf222e; stroke-width: 3; }
            table { border-collapse: collapse; font-size: 12px; } td, th { border: 1px solid #d0d7de; padding: 2px 6px; text-align: left; }
            tr.active { background: #fff8c5; } tr.unplaced-row { background: #ffebe9; }
            .legend .key { display: inline-block; width: 14px; height: 10px; margin: 0 4px 0 12px; }
            .key.ok { background: #54aeff; } .key.fail { background: #afb8c1; } .key.window { background: #f0a35e; }
            .key.crash { background: #cf222e; } .key.recovery { background: #1a7f37; } .key.point { background: #1f6feb; border-radius: 5px; }
            """;

    /** Hovering a point or a table row highlights both. */
    private static final String SCRIPT = """
            (function () {
              var points = document.querySelectorAll('circle.point');
              var rows = document.querySelectorAll('#steps tr[data-step]');
              function mark(step, on) {
                points.forEach(function (p) { if (p.dataset.step === step) { p.classList.toggle('active', on); } });
                rows.forEach(function (r) { if (r.dataset.step === step) { r.classList.toggle('active', on); } });
              }
              [].concat(Array.from(points), Array.from(rows)).forEach(function (e) {
                e.addEventListener('mouseenter', function () { mark(e.dataset.step, true); });
                e.addEventListener('mouseleave', function () { mark(e.dataset.step, false); });
              });
              var select = document.getElementById('partition');
              if (select) {
                select.addEventListener('change', function () {
                  var want = select.value;
                  document.querySelectorAll('[data-partition]').forEach(function (e) {
                    var other = want !== '' && e.dataset.partition !== want;
                    if (e.classList.contains('op')) { e.classList.toggle('dim', other); } else { e.style.display = other ? 'none' : ''; }
                  });
                });
              }
              document.body.dataset.ready = String(points.length);
            })();
            """;
}
