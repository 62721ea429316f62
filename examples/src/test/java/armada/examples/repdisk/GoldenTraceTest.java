package armada.examples.repdisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import armada.check.Verdict;
import armada.explore.Expectation;
import armada.explore.ExploreOptions;
import armada.explore.Explorer;
import armada.explore.Scenario;
import armada.report.TraceRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rendered trace of each broken variant's counterexample, compared with a golden file in
 * src/test/resources/golden. Run with {@code -Dgolden.update=true} to rewrite the files after an
 * intended change, then review the diff.
 */
class GoldenTraceTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<Scenario<?, ?>> broken() {
        return new ReplicatedDiskScenarios().scenarios().stream()
                .filter(s -> s.expected() == Expectation.VIOLATED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void counterexampleTrace_matchesGoldenFile(Scenario<?, ?> s) throws IOException {
        // The search, the shrinking and the rendering are deterministic, so the text is too.
        Verdict v = Explorer.check(s, ExploreOptions.DEFAULTS.withSeconds(120));
        assertThat(v).isInstanceOf(Verdict.Violated.class);
        String text = TraceRenderer.render(s.name(), ((Verdict.Violated) v).counterexample());
        Path file = GOLDEN.resolve(s.name().replace('/', '_') + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("no golden file " + file + "; run with -Dgolden.update=true and review it");
        }
        assertThat(text).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
