package armada.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code armada merge}: combines the {@code --json} results of the shards of divided searches
 * ({@code armada check --shard K/N}) into each scenario's verdict. Exit codes as for {@code check}.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combine the --json results of `armada check --shard K/N` runs (files with one JSON object per"
                + " line, in any order) into one verdict per scenario.")
final class MergeCommand implements Callable<Integer> {

    private static final String ROW = "%-44s %-9s %-13s %11s %9s  %s%n";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files of shard results.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--json", description = "One JSON object per scenario per line, as `check --json` prints.")
    boolean json;

    @Override
    public Integer call() {
        Map<String, List<ObjectNode>> byScenario = new TreeMap<>();
        ObjectMapper mapper = new ObjectMapper();
        for (Path f : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + f + ": " + e.getMessage());
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                ObjectNode o = parse(mapper, line, f + ":" + (i + 1));
                byScenario.computeIfAbsent(o.get("name").asText(), k -> new ArrayList<>()).add(o);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.printf(ROW, "SCENARIO", "EXPECTED", "VERDICT", "EXECUTIONS", "SECONDS", "WITHIN BOUNDS");
        }
        boolean failed = false;
        List<String> after = new ArrayList<>();
        for (Map.Entry<String, List<ObjectNode>> e : byScenario.entrySet()) {
            ObjectNode merged = ShardMerge.merge(mapper, e.getValue());
            boolean ok = merged.get("asExpected").asBoolean();
            failed |= !ok;
            if (json) {
                try {
                    out.println(mapper.writeValueAsString(merged));
                } catch (JsonProcessingException ex) {
                    throw new IllegalStateException(ex);
                }
            } else {
                out.printf(Locale.ROOT, ROW, e.getKey(), merged.path("expected").asText(),
                        merged.get("verdict").asText() + (ok ? "" : " (!)"), merged.path("executions").asLong(),
                        String.format(Locale.ROOT, "%.2f", merged.path("seconds").asDouble()),
                        merged.path("bounds").asText());
                if (merged.has("reason")) {
                    after.add(e.getKey() + ": " + merged.get("verdict").asText() + " because "
                            + merged.get("reason").asText());
                } else if (merged.has("failure")) {
                    after.add(e.getKey() + ": " + merged.get("failure").path("message").asText() + "\n  replay: "
                            + merged.path("replay").asText());
                }
            }
        }
        if (!json && !after.isEmpty()) {
            out.println();
            after.forEach(out::println);
        }
        out.flush();
        return failed ? 1 : 0;
    }

    private ObjectNode parse(ObjectMapper mapper, String line, String where) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), where + ": not a JSON line");
        }
        if (!(node instanceof ObjectNode o) || !o.has("name") || !o.has("verdict")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    where + ": not a result of `armada check --json`");
        }
        if (!o.has("shards") && !o.get("verdict").asText().equals("ERROR")) {
            throw new CommandLine.ParameterException(spec.commandLine(), where + ": the result of a whole search,"
                    + " not of a shard (`armada check --shard K/N --json` prints shard results)");
        }
        return o;
    }
}
