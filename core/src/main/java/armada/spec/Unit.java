package armada.spec;

/** The result of an operation that returns nothing, like Coq's {@code tt}. */
public enum Unit {
    UNIT;

    @Override
    public String toString() {
        return "()";
    }
}
