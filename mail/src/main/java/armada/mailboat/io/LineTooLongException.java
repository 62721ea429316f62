package armada.mailboat.io;

import java.io.IOException;

/** A line longer than its limit. */
public final class LineTooLongException extends IOException {

    private final boolean skipped;

    public LineTooLongException(int limit, boolean skipped) {
        super("line longer than " + limit + " octets");
        this.skipped = skipped;
    }

    /**
     * True if the reader skipped to the end of the line and the session can go on; false if it
     * gave up looking for the end, and the caller must close the connection.
     */
    public boolean skipped() {
        return skipped;
    }
}
