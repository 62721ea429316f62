package armada.mailboat.io;

import java.io.IOException;

/** A line longer than its limit; the reader has skipped to the end of it. */
public final class LineTooLongException extends IOException {

    public LineTooLongException(int limit) {
        super("line longer than " + limit + " octets");
    }
}
