package armada.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --classpath PATH}: where a user's scenarios are. Without it, inside a Maven project whose
 * {@code target/classes} or {@code target/test-classes} lists scenario sources, those two; else the
 * shipped scenarios.
 */
final class ClassPathOption {

    @Option(names = {"--classpath", "-cp"}, paramLabel = "PATH",
            description = "Directories and jars with your scenarios (':'-separated, repeatable); their"
                    + " META-INF/services/armada.explore.ScenarioSource lists the sources. Default: target/classes"
                    + " and target/test-classes when they list any, else the shipped scenarios.")
    List<String> entries = new ArrayList<>();

    /** The scenarios to work on, relative paths resolved against the working directory. */
    Catalog catalog() {
        Path here = Path.of("").toAbsolutePath();
        if (!entries.isEmpty()) {
            return Catalog.of(entries, here);
        }
        List<String> maven = new ArrayList<>();
        for (String dir : List.of("target/classes", "target/test-classes")) {
            if (Files.isDirectory(here.resolve(dir))) {
                maven.add(dir);
            }
        }
        boolean listsSources = maven.stream().anyMatch(d -> Files.exists(here.resolve(d).resolve(Catalog.SERVICES)));
        if (Files.exists(here.resolve("pom.xml")) && listsSources) {
            return Catalog.of(maven, here);
        }
        return Catalog.shipped();
    }
}
