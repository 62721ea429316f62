package armada.cli;

import armada.explore.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Turns the names on the command line into scenarios: exact names, or a whole example. Size
 * benchmarks ({@code scale-*}) are left out of "every scenario" and of a whole example unless
 * {@code benchmarks} is set; named exactly, they are always in.
 */
final class Selection {

    private Selection() {
    }

    static List<Scenario<?, ?>> select(List<Scenario<?, ?>> all, List<String> names, CommandLine cl) {
        return select(all, names, cl, false);
    }

    static List<Scenario<?, ?>> select(List<Scenario<?, ?>> all, List<String> names, CommandLine cl,
            boolean benchmarks) {
        if (names.isEmpty()) {
            return all.stream().filter(s -> benchmarks || !s.benchmark()).toList();
        }
        Set<Scenario<?, ?>> chosen = new LinkedHashSet<>();
        for (String name : names) {
            String example = name.endsWith("/...") ? name.substring(0, name.length() - 4)
                    : name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
            List<Scenario<?, ?>> matched = new ArrayList<>();
            for (Scenario<?, ?> s : all) {
                if (s.name().equals(name) || (s.name().startsWith(example + "/") && (benchmarks || !s.benchmark()))) {
                    matched.add(s);
                }
            }
            if (matched.isEmpty()) {
                throw new CommandLine.ParameterException(cl,
                        "unknown scenario '" + name + "' (./armada list shows them)");
            }
            chosen.addAll(matched);
        }
        return List.copyOf(chosen);
    }
}
