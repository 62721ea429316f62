package armada.mailboat.io;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Reads an SMTP DATA section (RFC 5321 4.1.1.4, 4.5.2): text lines up to the end of data. A
 * leading dot is removed (dot-unstuffing) and the message is kept with CRLF endings.
 *
 * <p>The only end of data is CRLF.CRLF: a line holding just a dot, ended by CRLF, that starts
 * right after a CRLF (the DATA command's own, or the previous text line's). A dot after a bare
 * LF, a dot followed by a bare LF or CR, and a dot line that was the tail of an over-long line
 * are not ends. This closes SMTP smuggling (CVE-2023-51764 and kin), where a server that took
 * {@code <LF>.<CR><LF>} or {@code <LF>.<LF>} for the end ran the commands hidden after it.
 *
 * <p>Bare CR and bare LF are refused, not taken as data: a message with a bare LF anywhere
 * (also ending the DATA command line), or a CR that does not end a line, gets
 * {@link Problem#BARE_NEWLINE} and nothing of it is kept, as Postfix does with
 * {@code smtpd_forbid_bare_newline}. So nothing this server accepts holds a line break that a
 * lenient reader further on (a relay's next hop, a POP3 client) could read differently.
 * Reading always goes on to the real end, so a refused message gets exactly one reply and what
 * follows the real end is read as commands.
 */
public final class DataReader {

    /** What was wrong with the data, if anything; the first problem met is the one reported. */
    public enum Problem {
        NONE, TOO_BIG, LINE_TOO_LONG, BARE_NEWLINE,
        /** The server's {@link MessageBuffer} had no room for the message now: try later. */
        NO_MEMORY
    }

    /** The message read (empty unless {@link Problem#NONE}) and what was wrong. */
    public record Result(byte[] message, Problem problem) {
    }

    /** How far past the size limit a refused message is still read to find its end. */
    static final long DISCARD_SLACK = 64L * 1024 * 1024;

    private DataReader() {
    }

    /**
     * Reads from {@code in} right after the DATA command line (its ending matters: see above).
     *
     * @param maxLine the most octets a text line may have, CRLF included (RFC 5321: 1000)
     * @param maxSize the most octets the message may have
     * @throws EOFException if the input ends before the end of data
     * @throws LineTooLongException if the client sends more than {@code maxSize} plus 64 MiB
     *     without ending the data; the caller must close the connection
     */
    public static Result read(LineReader in, int maxLine, long maxSize) throws IOException {
        return read(in, maxLine, maxSize, DISCARD_SLACK, new MessageBuffer(Long.MAX_VALUE).share());
    }

    /**
     * As {@link #read(LineReader, int, long)}, keeping the message only while {@code share}
     * has room for it: once it has not, the rest is read and dropped and the result is
     * {@link Problem#NO_MEMORY} (unless another problem came first). The caller closes the share
     * when the transaction ends.
     */
    public static Result read(LineReader in, int maxLine, long maxSize, MessageBuffer.Share share) throws IOException {
        return read(in, maxLine, maxSize, DISCARD_SLACK, share);
    }

    /** {@link #read(LineReader, int, long)} with another slack past the size limit (for tests). */
    static Result read(LineReader in, int maxLine, long maxSize, long discardSlack) throws IOException {
        return read(in, maxLine, maxSize, discardSlack, new MessageBuffer(Long.MAX_VALUE).share());
    }

    private static Result read(LineReader in, int maxLine, long maxSize, long discardSlack, MessageBuffer.Share share)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Problem problem = Problem.NONE;
        long size = 0;
        long start = in.position();
        long discardLimit = maxSize > Long.MAX_VALUE - discardSlack ? Long.MAX_VALUE : maxSize + discardSlack;
        while (true) {
            if (in.position() - start > discardLimit) {
                throw new LineTooLongException(maxLine, false);
            }
            boolean lineStart = in.afterCrlf();
            Line line;
            try {
                line = in.read(maxLine);
            } catch (LineTooLongException e) {
                problem = first(problem, Problem.LINE_TOO_LONG);
                continue;
            }
            if (line == null) {
                throw new EOFException("the connection closed inside DATA");
            }
            byte[] b = line.bytes();
            if (lineStart && line.crlf() && b.length == 1 && b[0] == '.') {
                return new Result(problem == Problem.NONE ? out.toByteArray() : new byte[0], problem);
            }
            if (!lineStart || !line.crlf() || line.hasBareCr()) {
                problem = first(problem, Problem.BARE_NEWLINE);
            }
            int from = b.length > 0 && b[0] == '.' ? 1 : 0;
            size += b.length - from + 2;
            if (size > maxSize) {
                problem = first(problem, Problem.TOO_BIG);
            }
            if (problem == Problem.NONE && !share.grow(b.length - from + 2)) {
                problem = Problem.NO_MEMORY;
                out = new ByteArrayOutputStream(); // let the GC have what was kept
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

    private static Problem first(Problem sofar, Problem now) {
        return sofar == Problem.NONE ? now : sofar;
    }
}
