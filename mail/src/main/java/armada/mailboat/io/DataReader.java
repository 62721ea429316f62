package armada.mailboat.io;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Reads an SMTP DATA section (RFC 5321 4.1.1.4, 4.5.2): text lines up to a line holding only
 * a dot. The only end of data is CRLF.CRLF; a line ending in a bare LF, or holding a bare CR,
 * is refused (the SMTP-smuggling fix), but reading goes on to the real end so the session stays
 * in step. A leading dot is removed (dot-unstuffing). The message is kept with CRLF endings.
 */
public final class DataReader {

    /** What was wrong with the data, if anything. */
    public enum Problem {
        NONE, TOO_BIG, LINE_TOO_LONG, BARE_NEWLINE
    }

    /** The message read (empty unless {@link Problem#NONE}) and what was wrong. */
    public record Result(byte[] message, Problem problem) {
    }

    private DataReader() {
    }

    /**
     * Reads the message after DATA, up to the line holding a single dot, undoing dot-stuffing.
     *
     * @param maxLine the most octets a text line may have, CRLF included (RFC 5321: 1000)
     * @param maxSize the most octets the message may have
     * @throws EOFException if the input ends before the end of data
     * @throws LineTooLongException if the client sends far past the limits without ending a
     *     line or the data; the caller must close the connection
     */
    public static Result read(LineReader in, int maxLine, long maxSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Problem problem = Problem.NONE;
        long size = 0;
        long discardLimit = maxSize + 64L * 1024 * 1024;
        while (true) {
            Line line;
            try {
                line = in.read(maxLine);
            } catch (LineTooLongException e) {
                if (problem == Problem.NONE) {
                    problem = Problem.LINE_TOO_LONG;
                }
                size += maxLine;
                if (size > discardLimit) {
                    throw e;
                }
                continue;
            }
            if (line == null) {
                throw new EOFException("the connection closed inside DATA");
            }
            byte[] b = line.bytes();
            if (line.crlf() && b.length == 1 && b[0] == '.') {
                return new Result(problem == Problem.NONE ? out.toByteArray() : new byte[0], problem);
            }
            if ((!line.crlf() || line.hasBareCr()) && problem == Problem.NONE) {
                problem = Problem.BARE_NEWLINE;
            }
            int from = b.length > 0 && b[0] == '.' ? 1 : 0;
            size += b.length - from + 2;
            if (size > maxSize && problem == Problem.NONE) {
                problem = Problem.TOO_BIG;
            }
            if (size > discardLimit) {
                throw new LineTooLongException(maxLine, false);
            }
            if (problem == Problem.NONE) {
                out.write(b, from, b.length - from);
                out.write('\r');
                out.write('\n');
            } else {
                out.reset();
            }
        }
    }
}
