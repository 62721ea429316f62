package armada.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code armada list}: one {@code NAME<TAB>holds|violated} line per shipped scenario; the size
 * benchmarks only with {@code --benchmarks}, marked by a third column {@code benchmark}.
 */
class ListCommandTest {

    private static final Pattern LINE = Pattern.compile("[^/\\s]+/[^/\\s]+\t(holds|violated)(\tbenchmark)?");

    @Test
    void list_printsOneTabSeparatedLinePerScenario_exitsZero() {
        // Tools split each line on the tab: the name is example/scenario and the expectation is
        // the lower-case word, then the benchmark mark if any; any other shape (other columns, a
        // header, blank lines) breaks them.
        CliRun run = CliRun.of("list");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).isNotEmpty().allSatisfy(line -> assertThat(line).matches(LINE));
    }

    @Test
    void list_includesTheBenchmarkScenario_expectedToHold() {
        // The replicated disk ships bench-2x2, a correct implementation with no faults: it holds.
        CliRun run = CliRun.of("list");

        assertThat(run.outLines()).contains("replicated-disk/bench-2x2\tholds");
    }

    @Test
    void list_namesEachScenarioOnce() {
        // Names select scenarios on the command line, so two scenarios must never share one.
        List<String> names = ListedScenarios.names();

        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void list_showsBothCorrectAndBrokenScenarios() {
        // The shipped examples pair a correct implementation with broken variants it must catch,
        // so both expectations occur.
        assertThat(ListedScenarios.expectations().values()).contains("holds", "violated");
    }

    @Test
    void listBenchmarks_addsTheSizeBenchmarks_markedInAThirdColumn() {
        // check leaves the scale-* benchmarks out unless asked, so list does too; --benchmarks
        // lists them, and the third column tells a tool which ones they are.
        CliRun plain = CliRun.of("list");
        CliRun all = CliRun.of("list", "--benchmarks");

        assertThat(plain.outLines()).noneMatch(l -> l.contains("scale-") || l.endsWith("\tbenchmark"));
        assertThat(all.outLines()).contains("replicated-disk/scale-4x2-crash\tholds\tbenchmark")
                .containsAll(plain.outLines());
    }
}
