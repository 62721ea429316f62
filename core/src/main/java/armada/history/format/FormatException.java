package armada.history.format;

/** A history file cannot be read: {@link #line()} (from 1) says where, the message says why. */
public final class FormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    public FormatException(int line, String message) {
        super(message);
        this.line = line;
    }

    /** The line (from 1) where the problem is; 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
