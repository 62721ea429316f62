package armada.mailboat.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads lines ending in LF (CRLF or a bare LF) with a limit on their length, from its own
 * buffer, so that it can say how much input is already buffered (STARTTLS must discard it).
 * A bare CR does not end a line: it stays in the line's bytes. A line over the limit is skipped
 * to its end (bounded by {@code 64 * max}) and reported.
 *
 * <p>The reader remembers whether the last line ended in CRLF ({@link #afterCrlf()}), counting
 * the ending of a skipped over-long line too; a line that was given up on without reaching its
 * end leaves the reader in the middle of a line, which is never after a CRLF. SMTP DATA needs
 * this to tell CRLF.CRLF from a dot after a bare LF.
 */
public final class LineReader {

    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int end;
    private long position;
    private boolean afterCrlf = true;

    public LineReader(InputStream in) {
        this.in = in;
    }

    /** Bytes received but not yet returned as part of a line. */
    public int buffered() {
        return end - pos;
    }

    /** Octets consumed so far, whether returned in a line, as its ending, or skipped. */
    public long position() {
        return position;
    }

    /**
     * True if the last line read ended in CRLF, or if nothing has been read yet; false after a
     * bare LF, at the end of input, and after a line given up on in its middle.
     */
    public boolean afterCrlf() {
        return afterCrlf;
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
        long skipped = 0;
        byte last = 0;
        while (true) {
            if (pos == end && !fill()) {
                afterCrlf = false;
                if (skipped > 0) {
                    throw new LineTooLongException(max, false);
                }
                return len == 0 ? null : new Line(Arrays.copyOf(line, len), false);
            }
            byte b = buf[pos++];
            position++;
            if (b == '\n') {
                afterCrlf = last == '\r';
                if (skipped > 0) {
                    throw new LineTooLongException(max, true);
                }
                return new Line(Arrays.copyOf(line, afterCrlf ? len - 1 : len), afterCrlf);
            }
            last = b;
            if (skipped > 0 || len + 2 > max) {
                if (++skipped > 64L * max) {
                    afterCrlf = false;
                    throw new LineTooLongException(max, false);
                }
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
