package armada.check;

import org.jspecify.annotations.Nullable;

/** How values appear in histories, traces and explanations: strings quoted, so "" is visible. */
public final class Values {

    private Values() {
    }

    public static String show(@Nullable Object value) {
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                    + "\"";
        }
        return String.valueOf(value);
    }
}
