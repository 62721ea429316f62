package armada.sim;

/**
 * Thrown inside a simulated thread when it must stop: the machine crashed, or the execution
 * ended early. Code under check must not catch it (catching {@code Throwable} is a bug).
 */
final class Killed extends Error {

    static final Killed INSTANCE = new Killed();

    private Killed() {
        super("simulated thread killed", null, false, false);
    }
}
