package armada.junit;

import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The test a check runs in: its class and method (for the replay line), where its report
 * entries go, and the settings it gives its checks. Bound by {@link ArmadaExtension} for the
 * length of a test; without it, found from the caller's stack, reporting on standard output.
 */
record CurrentTest(Class<?> testClass, String method, BiConsumer<String, String> reporter, Checker defaults) {

    private static final ThreadLocal<@Nullable CurrentTest> BOUND = new ThreadLocal<>();

    static void bind(CurrentTest test) {
        BOUND.set(test);
    }

    static void unbind() {
        BOUND.remove();
    }

    /** The test bound to this thread, or the caller of {@code Armada}'s methods as one. */
    static CurrentTest current() {
        CurrentTest bound = BOUND.get();
        return bound != null ? bound : fromStack();
    }

    private static CurrentTest fromStack() {
        StackWalker.StackFrame caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(f -> !isOurs(f.getDeclaringClass())).findFirst())
                .orElseThrow(() -> new IllegalStateException("no caller outside armada.junit"));
        return new CurrentTest(caller.getDeclaringClass(), caller.getMethodName(),
                (key, value) -> System.out.println("[" + key + "] " + value), Checker.DEFAULTS);
    }

    private static boolean isOurs(Class<?> c) {
        return c == Armada.class || c == Checker.class || c == CurrentTest.class || c == Results.class;
    }

    /** The class as {@code mvn test -Dtest=} takes it: its binary name without the package. */
    String className() {
        String pkg = testClass.getPackageName();
        return pkg.isEmpty() ? testClass.getName() : testClass.getName().substring(pkg.length() + 1);
    }

    /** The command that replays {@code schedule} in this test, from Maven or an IDE. */
    String replayLine(String schedule) {
        String property = "-D" + Armada.REPLAY_PROPERTY + "=" + schedule;
        return "mvn test -Dtest='" + className() + "#" + method + "' " + property + "\n"
                + "         (in an IDE: run " + className() + "." + method + " with the VM option " + property + ")";
    }

    void report(String key, String value) {
        reporter.accept(key, value);
    }
}
