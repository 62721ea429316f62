package armada.mailboat.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads lines ending in LF (CRLF or a bare LF) with a limit on their length, from its own
 * buffer, so that it can say how much input is already buffered (STARTTLS must discard it).
 * A line over the limit is skipped to its end (bounded by {@code maxSkip}) and reported.
 */
public final class LineReader {

    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int end;

    public LineReader(InputStream in) {
        this.in = in;
    }

    /** Bytes received but not yet returned as part of a line. */
    public int buffered() {
        return end - pos;
    }

    /**
     * The next line, without its ending; null at end of input (a last line without LF counts
     * as ended by the end of input).
     *
     * @param max the most bytes a line may have, its ending included
     * @throws LineTooLongException if the line is longer; the line has been skipped, unless it
     *     ran past {@code 64 * max} bytes without an LF, in which case the caller must close
     */
    public @Nullable Line read(int max) throws IOException {
        byte[] line = new byte[Math.min(max, 256)];
        int len = 0;
        boolean tooLong = false;
        long skipped = 0;
        while (true) {
            if (pos == end && !fill()) {
                if (len == 0 && !tooLong) {
                    return null;
                }
                if (tooLong) {
                    throw new LineTooLongException(max, false);
                }
                return new Line(Arrays.copyOf(line, len), false);
            }
            byte b = buf[pos++];
            if (b == '\n') {
                if (tooLong) {
                    throw new LineTooLongException(max, true);
                }
                boolean crlf = len > 0 && line[len - 1] == '\r';
                int n = crlf ? len - 1 : len;
                return new Line(Arrays.copyOf(line, n), crlf);
            }
            if (tooLong) {
                if (++skipped > 64L * max) {
                    throw new LineTooLongException(max, false);
                }
                continue;
            }
            if (len + 2 > max) {
                tooLong = true;
                continue;
            }
            if (len == line.length) {
                line = Arrays.copyOf(line, Math.min(max, len * 2));
            }
            line[len++] = b;
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }
}
