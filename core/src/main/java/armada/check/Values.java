package armada.check;

import org.jspecify.annotations.Nullable;

/** How values appear in histories, traces and explanations: strings quoted, so "" is visible. */
public final class Values {

    private Values() {
    }

    /**
     * Whether two results are the same value: by {@code equals}, and arrays (also nested) by
     * content, so an operation that returns a {@code byte[]} can match its spec.
     */
    public static boolean same(@Nullable Object a, @Nullable Object b) {
        return java.util.Objects.deepEquals(a, b);
    }

    /** A hash consistent with {@link #same}. */
    public static int hash(@Nullable Object value) {
        return value != null && value.getClass().isArray()
                ? java.util.Arrays.deepHashCode(new Object[] {value}) : java.util.Objects.hashCode(value);
    }

    public static String show(@Nullable Object value) {
        if (value != null && value.getClass().isArray()) {
            String deep = java.util.Arrays.deepToString(new Object[] {value});
            return deep.substring(1, deep.length() - 1);
        }
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                    + "\"";
        }
        return String.valueOf(value);
    }
}
