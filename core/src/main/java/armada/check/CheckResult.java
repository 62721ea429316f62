package armada.check;

/** The refinement checker's answer for one history. */
public sealed interface CheckResult {

    /**
     * A sequence of spec steps explains the history. {@code vacuous}: the spec reached undefined
     * behaviour in some configuration consistent with the history, so everything from there on
     * was accepted without checking.
     */
    record Explained(boolean vacuous) implements CheckResult {
    }

    /**
     * No sequence of spec steps explains the history up to and including event
     * {@code eventIndex} (0-based); {@code why} says why in one to three lines.
     */
    record Unexplained(int eventIndex, String why) implements CheckResult {
    }

    /** True for {@link Explained}. */
    default boolean isExplained() {
        return this instanceof Explained;
    }
}
