package armada.cli;

import armada.explore.Explorer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One scenario's shard results, combined. A failure in any shard is the verdict (the one of the
 * lowest-numbered subtree, as one undivided search with the same split would show); else a
 * shard stopped by a bound, or a missing shard, makes the whole INCONCLUSIVE; only when every
 * shard 1..N is there, each searched its part to the end, and all walked the same subtrees, is
 * the verdict HOLDS. Shards must agree on N, the split depth and the bounds.
 */
final class ShardMerge {

    private ShardMerge() {
    }

    static ObjectNode merge(ObjectMapper mapper, List<ObjectNode> results) {
        ObjectNode first = results.getFirst();
        ObjectNode m = mapper.createObjectNode();
        m.put("name", first.get("name").asText());
        m.put("expected", first.path("expected").asText());
        if (first.has("expectedFailure")) {
            m.put("expectedFailure", first.get("expectedFailure").asText());
        }
        for (ObjectNode r : results) {
            if (r.get("verdict").asText().equals("ERROR")) {
                return error(m, "a shard could not check it: " + r.path("error").asText());
            }
        }
        int shards = first.get("shards").asInt();
        for (ObjectNode r : results) {
            for (String field : List.of("shards", "splitDepth", "bounds", "strategy")) {
                if (!r.path(field).equals(first.path(field))) {
                    return error(m, "the shards disagree on " + field + " (" + first.path(field) + " and "
                            + r.path(field) + "): they come from different runs");
                }
            }
        }
        Map<Integer, ObjectNode> byShard = new TreeMap<>();
        for (ObjectNode r : results) {
            ObjectNode before = byShard.putIfAbsent(r.get("shard").asInt(), r);
            if (before != null && !before.get("verdict").equals(r.get("verdict"))) {
                return error(m, "shard " + r.get("shard").asInt() + "/" + shards + " appears twice with different verdicts");
            }
        }
        long executions = 0;
        long abandoned = 0;
        long vacuous = 0;
        long crashes = 0;
        long crashStates = 0;
        long maxCrashStates = 0;
        double seconds = 0;
        for (ObjectNode r : byShard.values()) {
            executions += r.path("executions").asLong();
            abandoned += r.path("abandoned").asLong();
            vacuous += r.path("vacuous").asLong();
            crashes += r.path("crashes").asLong();
            crashStates += r.path("crashStates").asLong();
            maxCrashStates = Math.max(maxCrashStates, r.path("maxCrashStates").asLong());
            seconds = Math.max(seconds, r.path("seconds").asDouble());
        }
        @Nullable ObjectNode failing = null;
        for (ObjectNode r : byShard.values()) {
            if (r.get("verdict").asText().equals("VIOLATED")
                    && (failing == null || r.get("failingSubtree").asInt() < failing.get("failingSubtree").asInt())) {
                failing = r;
            }
        }
        String verdict;
        @Nullable String reason = null;
        boolean asExpected;
        if (failing != null) {
            verdict = "VIOLATED";
            asExpected = failing.path("asExpected").asBoolean();
        } else {
            reason = stopped(byShard, shards);
            verdict = reason == null ? "HOLDS" : "INCONCLUSIVE";
            asExpected = verdict.equalsIgnoreCase(first.path("expected").asText());
        }
        m.put("verdict", verdict);
        m.put("asExpected", asExpected);
        m.put("executions", executions);
        m.put("seconds", seconds);
        m.put("executionsPerSecond", seconds > 0 ? Math.round(executions / seconds) : 0);
        m.put("bounds", first.path("bounds").asText());
        m.put("strategy", first.path("strategy").asText());
        m.put("abandoned", abandoned);
        m.put("vacuous", vacuous);
        m.put("crashes", crashes);
        m.put("crashStatesPerCrash", crashes == 0 ? 0 : Math.round(100.0 * crashStates / crashes) / 100.0);
        m.put("maxCrashStates", maxCrashStates);
        m.put("crashStates", crashStates);
        m.put("shards", shards);
        m.put("splitDepth", first.path("splitDepth").asInt());
        if (failing != null) {
            m.put("failingSubtree", failing.get("failingSubtree").asInt());
            m.set("failure", failing.get("failure"));
            m.set("schedule", failing.get("schedule"));
            m.set("replay", failing.get("replay"));
            m.set("trace", failing.get("trace"));
        } else if (reason != null) {
            m.put("reason", reason);
        } else {
            m.put("subtrees", first.get("subtrees").asInt());
        }
        return m;
    }

    /** Why the shards together did not cover the tree, or null if they did. */
    private static @Nullable String stopped(Map<Integer, ObjectNode> byShard, int shards) {
        for (ObjectNode r : byShard.values()) {
            String why = r.path("reason").asText();
            if (!r.get("verdict").asText().equals("INCONCLUSIVE") || !why.startsWith(Explorer.PART_HOLDS)) {
                return "shard " + r.get("shard").asInt() + "/" + shards + " was " + r.get("verdict").asText()
                        + (why.isEmpty() ? "" : ": " + why);
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int k = 1; k <= shards; k++) {
            if (!byShard.containsKey(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            return "the results of shards " + missing + " of " + shards + " are missing";
        }
        java.util.Set<Integer> subtrees = new java.util.TreeSet<>();
        byShard.values().forEach(r -> subtrees.add(r.path("subtrees").asInt()));
        if (subtrees.size() != 1 || subtrees.iterator().next() < 0) {
            return "the shards met different numbers of subtrees " + subtrees + ": they searched different trees"
                    + " (a scenario or version that changed between runs)";
        }
        return null;
    }

    private static ObjectNode error(ObjectNode m, String message) {
        m.put("verdict", "ERROR");
        m.put("asExpected", false);
        m.put("error", message);
        return m;
    }
}
