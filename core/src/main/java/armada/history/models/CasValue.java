package armada.history.models;

import org.jspecify.annotations.Nullable;

/** The value of a compare-and-set register: a number, or nil before the first write. */
public record CasValue(@Nullable Integer value) {

    public static final CasValue NIL = new CasValue(null);

    public static CasValue of(int value) {
        return new CasValue(value);
    }

    @Override
    public String toString() {
        return value == null ? "nil" : value.toString();
    }
}
