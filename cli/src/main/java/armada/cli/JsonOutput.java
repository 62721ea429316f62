package armada.cli;

import armada.check.Counterexample;
import armada.check.TraceLine;
import armada.check.Verdict;
import armada.explore.ExploreOptions;
import armada.explore.Replay;
import armada.explore.Scenario;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/** One JSON object per scenario per line (the contract other tools rely on). */
final class JsonOutput implements Output {

    private final PrintWriter out;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ReplayLine replayLine;

    JsonOutput(PrintWriter out, ReplayLine replayLine) {
        this.out = out;
        this.replayLine = replayLine;
    }

    @Override
    public void begin() {
    }

    @Override
    public void verdict(Scenario<?, ?> s, ExploreOptions options, Verdict v, boolean asExpected) {
        ObjectNode o = mapper.createObjectNode();
        o.put("name", s.name());
        o.put("expected", s.expected().label());
        if (s.expectedFailure() != null) {
            o.put("expectedFailure", s.expectedFailure());
        }
        o.put("verdict", v.label());
        o.put("asExpected", asExpected);
        o.put("executions", v.stats().executions());
        o.put("seconds", v.stats().seconds());
        o.put("executionsPerSecond", v.stats().seconds() > 0 ? Math.round(v.stats().executions() / v.stats().seconds()) : 0);
        o.put("bounds", v.bounds());
        o.put("strategy", options.strategy().name().toLowerCase(Locale.ROOT));
        o.put("abandoned", v.stats().abandoned());
        o.put("vacuous", v.stats().vacuous());
        o.put("crashes", v.stats().crashes());
        o.put("crashStatesPerCrash", Math.round(v.stats().crashStatesPerCrash() * 100) / 100.0);
        o.put("maxCrashStates", v.stats().maxCrashStates());
        o.put("crashStates", v.stats().crashStates());
        Verdict.Parts parts = v.stats().parts();
        if (parts.partial()) {
            o.put("shard", parts.shard());
            o.put("shards", parts.shards());
            o.put("splitDepth", parts.splitDepth());
            o.put("subtrees", parts.subtrees());
            o.put("failingSubtree", parts.failingSubtree());
        }
        switch (v) {
            case Verdict.Violated viol -> failure(o, s, viol.counterexample());
            case Verdict.Inconclusive inc -> o.put("reason", inc.reason());
            case Verdict.Holds h -> { }
        }
        print(o);
    }

    @Override
    public void error(Scenario<?, ?> s, String message) {
        ObjectNode o = mapper.createObjectNode();
        o.put("name", s.name());
        o.put("expected", s.expected().label());
        o.put("verdict", "ERROR");
        o.put("asExpected", false);
        o.put("error", message);
        print(o);
    }

    @Override
    public void replay(Scenario<?, ?> s, Replay r) {
        ObjectNode o = mapper.createObjectNode();
        o.put("name", s.name());
        o.put("expected", s.expected().label());
        o.put("verdict", r.failure() != null ? "VIOLATED" : "INCONCLUSIVE");
        o.put("executions", 1);
        o.put("seconds", 0.0);
        o.put("bounds", s.faults().describe());
        o.put("schedule", r.schedule());
        if (r.failure() != null) {
            failure(o, s, r.counterexample());
        } else {
            o.put("reason", "one replayed execution is correct; that proves nothing about the others");
            trace(o, r.trace());
        }
        print(o);
    }

    private void failure(ObjectNode o, Scenario<?, ?> s, Counterexample cx) {
        ObjectNode f = o.putObject("failure");
        f.put("kind", cx.failure().kind());
        f.put("message", cx.failure().message());
        o.put("schedule", cx.schedule());
        o.put("replay", replayLine.command(s.name(), cx.schedule()));
        trace(o, cx.trace());
    }

    private void trace(ObjectNode o, java.util.List<TraceLine> lines) {
        ArrayNode t = o.putArray("trace");
        for (TraceLine l : lines) {
            t.addObject().put("thread", l.thread()).put("text", l.text());
        }
    }

    private void print(ObjectNode o) {
        try {
            out.println(mapper.writeValueAsString(o));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    @Override
    public void end() {
    }
}
