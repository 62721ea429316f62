package armada.junit;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Binds the running test to the checks it makes: {@link Armada#check} then publishes its verdict
 * as a report entry of this test (and prints it on standard output, for a Maven console), names
 * the test in its replay line, and takes the settings of {@link ArmadaTest}. Registered by
 * {@code @ArmadaTest}, or on a class with {@code @ExtendWith(ArmadaExtension.class)} for every
 * test in it.
 */
public final class ArmadaExtension implements BeforeTestExecutionCallback, AfterTestExecutionCallback {

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        ArmadaTest settings = context.getRequiredTestMethod().getAnnotation(ArmadaTest.class);
        Checker defaults = Checker.DEFAULTS;
        if (settings != null) {
            defaults = defaults.seconds(settings.seconds()).onInconclusive(settings.inconclusive());
        }
        CurrentTest.bind(new CurrentTest(context.getRequiredTestClass(), context.getRequiredTestMethod().getName(),
                (key, value) -> {
                    // A report entry for IDEs and XML reports; a line for the console of a Maven run.
                    context.publishReportEntry(key, value);
                    System.out.println("[" + key + "] " + value);
                }, defaults));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        CurrentTest.unbind();
    }
}
