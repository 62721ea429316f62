package armada.cli;

import armada.explore.Scenario;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code armada list}: one line per shipped scenario, {@code NAME<TAB>holds|violated}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the scenarios (the shipped ones, or those on --classpath) with their expected verdicts.")
final class ListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ClassPathOption classPath = new ClassPathOption();

    @CommandLine.Option(names = "--benchmarks", description = "Also list the size benchmarks (scale-*), which"
            + " check leaves out unless named or given --benchmarks.")
    boolean benchmarks;

    @Override
    public Integer call() {
        Catalog catalog;
        try {
            catalog = classPath.catalog();
        } catch (Catalog.CatalogException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.valueOf(e.getMessage()));
        }
        java.io.PrintWriter out = spec.commandLine().getOut();
        for (Scenario<?, ?> s : catalog.scenarios()) {
            if (benchmarks || !s.benchmark()) {
                out.print(s.name() + "\t" + s.expected().label() + (s.benchmark() ? "\tbenchmark" : "") + "\n");
            }
        }
        out.flush();
        return 0;
    }
}
