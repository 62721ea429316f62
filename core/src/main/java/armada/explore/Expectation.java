package armada.explore;

/** The verdict a shipped scenario is expected to get: correct code holds, a broken variant is violated. */
public enum Expectation {
    HOLDS, VIOLATED;

    /** {@code holds} or {@code violated}, as {@code armada list} prints it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
