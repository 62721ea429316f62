package armada.mailboat.io;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a stored message as a POP3 multi-line response body (RFC 1939 section 3): CRLF lines,
 * a dot doubled at the start of a line, then the terminating {@code .CRLF}. A last line with no
 * CRLF gets one.
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
        boolean inBody = false;
        int bodyWritten = 0;
        int start = 0;
        while (start < message.length) {
            int end = start;
            while (end < message.length && message[end] != '\n') {
                end++;
            }
            int contentEnd = end;
            if (contentEnd > start && message[contentEnd - 1] == '\r') {
                contentEnd--;
            }
            if (inBody && bodyWritten >= bodyLines) {
                break;
            }
            if (contentEnd > start && message[start] == '.') {
                out.write('.');
            }
            out.write(message, start, contentEnd - start);
            out.write('\r');
            out.write('\n');
            if (inBody) {
                bodyWritten++;
            } else if (contentEnd == start) {
                inBody = true;
            }
            start = end + 1;
        }
        out.write('.');
        out.write('\r');
        out.write('\n');
    }

    /**
     * The size of the message in CRLF form, as LIST and STAT report it: exactly the octets
     * {@link #write} sends before the terminating line, dot-stuffing aside (RFC 1939 counts the
     * message, not the stuffing).
     */
    public static long crlfSize(byte[] message) {
        long size = 0;
        for (int i = 0; i < message.length; i++) {
            if (message[i] == '\n' && (i == 0 || message[i - 1] != '\r')) {
                size++;
            }
            size++;
        }
        int n = message.length;
        if (n > 0 && message[n - 1] != '\n') {
            size += message[n - 1] == '\r' ? 1 : 2;
        }
        return size;
    }
}
