package armada.history;

import org.jspecify.annotations.Nullable;

/**
 * One spec step of a linearization: an operation taking effect, or (when {@code operation} is
 * null) the crash step that ends crash episode {@code episode}; {@code state} is the spec state
 * after it.
 */
public record Step(@Nullable Operation operation, int episode, Object state) {

    public boolean isCrash() {
        return operation == null;
    }

    /** One line: what took effect, and the state after it. */
    public String describe() {
        return (operation == null ? "crash step of episode " + (episode + 1) : operation.describe()) + "  => " + shown(state);
    }

    /** Characters of a state shown in one line before the rest is elided. */
    static final int SHOWN = 200;

    /** A state as text, elided after {@link #SHOWN} characters. */
    public static String shown(Object state) {
        String s = String.valueOf(state);
        return s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "... (" + (s.length() - SHOWN) + " more characters)";
    }
}
