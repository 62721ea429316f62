package armada.cli;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The command that replays one execution, with the options it needs to find the scenario and
 * fit the schedule: the class path the scenario came from, a crash bound given on the command
 * line, whether the search glued layer calls by checked movers, and whether a crash left files
 * undecided until read (lazy crash states; a schedule of either kind replays only in its own). It starts with the launcher as it was invoked ({@code ./armada} in the checkout,
 * {@code /opt/armada/armada} from a user's project).
 */
record ReplayLine(@Nullable String classPath, @Nullable Integer maxCrashes, boolean moverReduction,
        boolean lazyCrashStates) {

    ReplayLine(@Nullable String classPath, @Nullable Integer maxCrashes, boolean moverReduction) {
        this(classPath, maxCrashes, moverReduction, true);
    }

    /** How the launcher was invoked (the script sets it to its own path), so the line runs as printed. */
    static final String COMMAND_PROPERTY = "armada.command";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    String command(String scenario, String schedule) {
        StringBuilder b = new StringBuilder(quote(System.getProperty(COMMAND_PROPERTY, "./armada")))
                .append(" check ").append(scenario);
        if (classPath != null) {
            b.append(" --classpath ").append(quote(classPath));
        }
        if (maxCrashes != null) {
            b.append(" --max-crashes ").append(maxCrashes);
        }
        if (!moverReduction) {
            b.append(" --no-mover-reduction");
        }
        if (!lazyCrashStates) {
            b.append(" --no-lazy-crash-states");
        }
        return b.append(" --replay ").append(schedule).toString();
    }

    /** {@code text} as one shell word. */
    static String quote(String text) {
        return PLAIN.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
