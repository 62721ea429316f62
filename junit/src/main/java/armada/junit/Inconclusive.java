package armada.junit;

import java.util.Locale;

/**
 * What an INCONCLUSIVE verdict (the search stopped before covering its bounds) does to a test.
 * The system property {@code armada.inconclusive=fail|warn} overrides the test's own choice, so
 * a CI job can be stricter (or laxer) than a developer's run.
 */
public enum Inconclusive {
    /** The test fails: nothing was proved. The default. */
    FAIL,
    /** The test passes with a warning (a report entry and a line on standard error). */
    WARN;

    /** The system property that overrides every test's choice. */
    public static final String PROPERTY = "armada.inconclusive";

    /** {@code fail} or {@code warn}, as the property spells them. */
    static Inconclusive parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "fail" -> FAIL;
            case "warn" -> WARN;
            default -> throw new IllegalArgumentException("-D" + PROPERTY + " is fail or warn, not '" + value + "'");
        };
    }
}
