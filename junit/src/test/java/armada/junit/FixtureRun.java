package armada.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs one fixture test method on the JUnit platform and keeps its result and report entries. */
final class FixtureRun implements TestExecutionListener {

    private final List<String> entries = new ArrayList<>();
    private TestExecutionResult result = TestExecutionResult.aborted(null);
    private int tests;

    private FixtureRun() {
    }

    static FixtureRun of(Class<?> fixture, String method) {
        FixtureRun run = new FixtureRun();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(fixture, method)).build(), run);
        if (run.tests != 1) {
            throw new IllegalStateException(fixture.getName() + "#" + method + " ran " + run.tests + " tests, not 1");
        }
        return run;
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult r) {
        if (id.isTest()) {
            tests++;
            result = r;
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        for (Map.Entry<String, String> e : entry.getKeyValuePairs().entrySet()) {
            entries.add(e.getKey() + "=" + e.getValue());
        }
    }

    boolean passed() {
        return result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
    }

    /** The failure's message, or "" when the test passed. */
    String failure() {
        return result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("");
    }

    List<String> entries() {
        return entries;
    }
}
