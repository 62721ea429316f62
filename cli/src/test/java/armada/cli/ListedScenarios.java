package armada.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scenarios {@code armada list} prints, as the other CLI tests compare against them. */
final class ListedScenarios {

    private ListedScenarios() {
    }

    /** Scenario name to its listed expectation ({@code holds} or {@code violated}), in list order. */
    static Map<String, String> expectations() {
        CliRun run = CliRun.of("list");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Map<String, String> byName = new LinkedHashMap<>();
        for (String line : run.outLines()) {
            String[] cols = line.split("\t", -1);
            assertThat(cols.length).as("list line '%s'", line).isBetween(2, 3);
            byName.put(cols[0], cols[1]);
        }
        return byName;
    }

    /** The listed names, in list order, duplicates kept. */
    static List<String> names() {
        CliRun run = CliRun.of("list");
        return run.outLines().stream().map(l -> l.split("\t", -1)[0]).toList();
    }
}
