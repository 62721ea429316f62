package armada.mailboat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import armada.mailboat.io.DataReader.Problem;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DATA section on its own: the end of data, dot-unstuffing, the refusals, and that what
 * follows the real end is left for the next command. Every input also goes through
 * {@link Segments#sameAtEveryCut}, so each outcome holds at every segment boundary.
 */
class DataReaderTest {

    /** A hidden transaction: a lenient reader that ends the data early runs these lines. */
    private static final String HIDDEN = "MAIL FROM:<forged@evil.test>\r\nRCPT TO:<alice@localhost>\r\nDATA\r\nevil\r\n";

    /**
     * What reading the DATA section of {@code input} (which starts with the DATA command line)
     * gives: the problem, the message, and the command line after the end of data.
     */
    private static String outcome(String input, int maxLine, long maxSize) {
        return Segments.sameAtEveryCut(input, in -> read(in, maxLine, maxSize));
    }

    private static String outcome(String input) {
        return outcome(input, 1000, 10_000);
    }

    private static String read(InputStream in, int maxLine, long maxSize) {
        try {
            LineReader r = new LineReader(in);
            assertThat(r.read(512).text()).isEqualTo("DATA");
            DataReader.Result result = DataReader.read(r, maxLine, maxSize);
            Line next = r.read(512);
            return result.problem() + " [" + show(new String(result.message(), StandardCharsets.ISO_8859_1))
                    + "] then " + (next == null ? "end of input" : next.text());
        } catch (EOFException e) {
            return "EOF";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String show(String s) {
        return s.replace("\r", "<CR>").replace("\n", "<LF>");
    }

    /** Every dot between line breaks that is not CRLF.CRLF, and bare breaks without a dot. */
    static List<Named<String>> fakeEnds() {
        List<String> before = List.of("\n", "\r", "\r\n", "\n\r", "");
        List<String> after = List.of("\n", "\r", "\r\n", "\n\r", "\r\r\n");
        List<Named<String>> out = new ArrayList<>();
        for (String b : before) {
            for (String a : after) {
                String end = b + "." + a;
                if (!end.contains("\r\n.\r\n") && !(b.isEmpty() && a.equals("\r\n"))) {
                    out.add(Named.of(show(end), end));
                }
            }
        }
        out.add(Named.of("<LF>", "\n"));
        out.add(Named.of("<CR>", "\r"));
        out.add(Named.of("<LF><CR>", "\n\r"));
        return out;
    }

    @Test
    void crlfDotCrlf_endsTheData_andTheNextLineIsLeftForTheNextCommand() {
        // RFC 5321 4.1.1.4: the text, each line with CRLF, and nothing past the end consumed.
        assertThat(outcome("DATA\r\nSubject: x\r\n\r\nbody\r\n.\r\nNEXT\r\n"))
                .isEqualTo("NONE [Subject: x<CR><LF><CR><LF>body<CR><LF>] then NEXT");
    }

    @Test
    void dotRightAfterTheDataCommand_isAnEmptyMessage() {
        // The DATA line's CRLF is the first CRLF of CRLF.CRLF.
        assertThat(outcome("DATA\r\n.\r\nNEXT\r\n")).isEqualTo("NONE [] then NEXT");
    }

    @Test
    void leadingDot_isRemovedOnce() {
        // RFC 5321 4.5.2: one leading dot goes, doubled or not; a dot elsewhere stays.
        assertThat(outcome("DATA\r\n..x\r\n..\r\n.y\r\n...\r\na.\r\n. \r\n.\r\nNEXT\r\n"))
                .isEqualTo("NONE [.x<CR><LF>.<CR><LF>y<CR><LF>..<CR><LF>a.<CR><LF> <CR><LF>] then NEXT");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fakeEnds")
    void fakeEnd_isText_andTheMessageIsRefusedAtTheRealEnd(String fakeEnd) {
        // Only CRLF.CRLF ends the data, so the hidden lines are text; the bare CR or LF refuses
        // the message, and the line after the real end is the next command, not a hidden one.
        assertThat(outcome("DATA\r\ntext" + fakeEnd + HIDDEN + ".\r\nNEXT\r\n"))
                .isEqualTo("BARE_NEWLINE [] then NEXT");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fakeEnds")
    void fakeEndRightAfterTheDataCommand_isText(String fakeEnd) {
        // The same with nothing before the fake end but the DATA line.
        assertThat(outcome("DATA\r\n" + fakeEnd + HIDDEN + ".\r\nNEXT\r\n")).isEqualTo("BARE_NEWLINE [] then NEXT");
    }

    @Test
    void dataCommandEndedByBareLf_refusesTheMessage_andADotAfterItIsText() {
        // "DATA<LF>.<CR><LF>" holds no CRLF.CRLF; the DATA line's ending is where the message starts.
        assertThat(outcome("DATA\n.\r\n" + HIDDEN + ".\r\nNEXT\r\n")).isEqualTo("BARE_NEWLINE [] then NEXT");
        assertThat(outcome("DATA\nhello\r\n.\r\nNEXT\r\n")).isEqualTo("BARE_NEWLINE [] then NEXT");
    }

    @Test
    void overLongLine_isRefused_andTheDataIsReadToTheRealEnd() {
        // RFC 5321 4.5.3.1.6 counts CRLF in the limit: 8 octets fit in 10, 9 do not.
        assertThat(outcome("DATA\r\n12345678\r\n.\r\nNEXT\r\n", 10, 10_000)).isEqualTo("NONE [12345678<CR><LF>] then NEXT");
        assertThat(outcome("DATA\r\nok\r\n123456789\r\nmore\r\n.\r\nNEXT\r\n", 10, 10_000))
                .isEqualTo("LINE_TOO_LONG [] then NEXT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n.\r\n", "\n.\n", "\r.\r\n", "\r\n.\n", "\n\r.\r\n"})
    void overLongLineThenFakeEnd_isNoEnd(String fakeEnd) {
        // The skipped line's own ending decides whether the dot is after a CRLF; here it never is.
        assertThat(outcome("DATA\r\n" + "y".repeat(30) + fakeEnd + HIDDEN + ".\r\nNEXT\r\n", 10, 10_000))
                .isEqualTo("LINE_TOO_LONG [] then NEXT");
    }

    @Test
    void lineGivenUpOnWhoseTailIsADot_isNoEnd() {
        // However long the line, the part read after the reader gives up on it is the middle
        // of a line, so a lone dot there is text: the data ends at the real end only.
        for (int length = 630; length <= 670; length++) {
            assertThat(outcome("DATA\r\n" + "y".repeat(length) + ".\r\n" + HIDDEN + ".\r\nNEXT\r\n", 10, 10_000))
                    .as("line of %d", length).isEqualTo("LINE_TOO_LONG [] then NEXT");
        }
    }

    @Test
    void messageOverMaxSize_isRefused_andTheDataIsReadToTheRealEnd() {
        // The size counts the unstuffed text with CRLF endings: 8 octets and CRLF make 10.
        assertThat(outcome("DATA\r\n..2345678\r\n.\r\nNEXT\r\n", 1000, 10)).isEqualTo("NONE [.2345678<CR><LF>] then NEXT");
        assertThat(outcome("DATA\r\n123456789\r\n.\r\nNEXT\r\n", 1000, 10)).isEqualTo("TOO_BIG [] then NEXT");
    }

    @Test
    void severalFaults_theFirstIsReported() {
        // One reply per message: the first fault met names it.
        assertThat(outcome("DATA\r\na\nb\r\n" + "y".repeat(30) + "\r\n.\r\nNEXT\r\n", 10, 10_000))
                .isEqualTo("BARE_NEWLINE [] then NEXT");
        assertThat(outcome("DATA\r\n" + "y".repeat(30) + "\r\na\nb\r\n.\r\nNEXT\r\n", 10, 10_000))
                .isEqualTo("LINE_TOO_LONG [] then NEXT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DATA\r\n", "DATA\r\nhello", "DATA\r\nhello\r\n", "DATA\r\nhello\r\n.",
        "DATA\r\nhello\r\n.\r", "DATA\r\nhello\n.\n", "DATA\r\nhello\n.\r\n", "DATA\r\nyyyyyyyyyyyyyyyyyyyy"})
    void endOfInputBeforeCrlfDotCrlf_isEof(String input) {
        // A connection that closes inside the data delivers nothing, whatever it sent last.
        assertThat(outcome(input, 10, 10_000)).isEqualTo("EOF");
    }

    @Test
    void dataThatNeverEnds_isGivenUpOnAfterTheSizeLimitAndTheDiscardSlack() {
        // A refused message is read on to find its end, but not forever: past maxSize plus the
        // slack (64 MiB in the server, 1 MB here) the caller is told to close. Short lines or
        // no LF at all, the bound is in octets read, give or take the one line being read.
        long limit = 100 + 1_000_000;
        for (byte[] pattern : List.of("y\r\n".getBytes(StandardCharsets.ISO_8859_1), new byte[] {'y'})) {
            LineReader r = new LineReader(new Endless(pattern));
            LineTooLongException e = catchThrowableOfType(LineTooLongException.class,
                    () -> DataReader.read(r, 1000, 100, 1_000_000));
            assertThat(e.skipped()).isFalse();
            assertThat(r.position()).isGreaterThan(limit).isLessThanOrEqualTo(limit + 65 * 1000);
        }
    }

    /** The same bytes again and again. */
    private static final class Endless extends InputStream {

        private final byte[] pattern;
        private long pos;

        Endless(byte[] pattern) {
            this.pattern = pattern;
        }

        @Override
        public int read() {
            return pattern[(int) (pos++ % pattern.length)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = pattern[(int) (pos++ % pattern.length)];
            }
            return len;
        }
    }
}
