package armada.history;

/**
 * A recorded history breaks a rule of well-formed histories (a return without an invocation, a
 * client with two operations outstanding...). {@link #event()} is the index of the offending event.
 */
public final class MalformedHistoryException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int event;

    public MalformedHistoryException(int event, String message) {
        super(message);
        this.event = event;
    }

    /** The index (from 0) of the event that broke the rule. */
    public int event() {
        return event;
    }
}
