package armada.mailboat.io;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A whole stored message as a POP3 multi-line response body, and its size in CRLF form: the
 * one-array forms of {@link DotStuffingWriter} and {@link CrlfSize}.
 */
public final class DotStuffer {

    private DotStuffer() {
    }

    /** The whole message. */
    public static void write(OutputStream out, byte[] message) throws IOException {
        writeTop(out, message, Integer.MAX_VALUE);
    }

    /** The headers, the blank line, and the first {@code bodyLines} lines of the body (POP3 TOP). */
    public static void writeTop(OutputStream out, byte[] message, int bodyLines) throws IOException {
        DotStuffingWriter w = new DotStuffingWriter(out, bodyLines);
        w.write(message);
        w.finish();
    }

    /** The size of the message in CRLF form, as LIST and STAT report it. */
    public static long crlfSize(byte[] message) {
        CrlfSize s = new CrlfSize();
        s.add(message);
        return s.total();
    }
}
