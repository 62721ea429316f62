package armada.mailboat.io;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a stored message, given in chunks of any size, as a POP3 multi-line response body
 * (RFC 1939 section 3): each line ended by CRLF whether it was stored with LF (Maildir) or CRLF,
 * a dot doubled at the start of a line, and, at {@link #finish}, a CRLF for a last line without
 * one and the terminating {@code .CRLF}. A CR not followed by LF is text. For TOP it writes the
 * headers, the blank line and at most {@code bodyLines} body lines, then {@link #done} turns true
 * and the rest is ignored, so the caller can stop reading. Memory is constant: nothing is kept
 * but a few flags.
 */
public final class DotStuffingWriter {

    private final OutputStream out;
    private final int bodyLines;
    private boolean lineStart = true;
    private boolean pendingCr;
    private boolean lineEmpty = true;
    private boolean inBody;
    private int bodyWritten;
    private boolean done;

    /** @param bodyLines body lines to write ({@link Integer#MAX_VALUE} for the whole message) */
    public DotStuffingWriter(OutputStream out, int bodyLines) {
        if (bodyLines < 0) {
            throw new IllegalArgumentException("body lines must not be negative");
        }
        this.out = out;
        this.bodyLines = bodyLines;
    }

    /** True once TOP's lines are all written: more input changes nothing. */
    public boolean done() {
        return done;
    }

    public void write(byte[] chunk) throws IOException {
        write(chunk, 0, chunk.length);
    }

    public void write(byte[] chunk, int from, int to) throws IOException {
        for (int i = from; i < to && !done; i++) {
            byte b = chunk[i];
            if (pendingCr) {
                pendingCr = false;
                if (b == '\n') {
                    endLine();
                    continue;
                }
                text((byte) '\r');
            }
            if (b == '\n') {
                endLine();
            } else if (b == '\r') {
                pendingCr = true;
            } else {
                text(b);
            }
        }
    }

    /** Ends an unfinished last line and writes the terminating line. */
    public void finish() throws IOException {
        if (!done && (pendingCr || !lineStart)) {
            pendingCr = false;
            endLine();
        }
        out.write('.');
        out.write('\r');
        out.write('\n');
    }

    private void text(byte b) throws IOException {
        if (lineStart && b == '.') {
            out.write('.');
        }
        lineStart = false;
        lineEmpty = false;
        out.write(b);
    }

    private void endLine() throws IOException {
        out.write('\r');
        out.write('\n');
        if (inBody) {
            bodyWritten++;
        } else if (lineEmpty) {
            inBody = true;
        }
        if (inBody && bodyWritten >= bodyLines) {
            done = true;
        }
        lineStart = true;
        lineEmpty = true;
    }
}
