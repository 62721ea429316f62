package armada.mailboat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines, their endings, the length limit, and that no segment boundary changes any of it. */
class LineReaderTest {

    private static LineReader reader(String text) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** Every line of {@code in}: its text and ending, or too long; whether after a CRLF; the position. */
    private static List<String> events(InputStream in, int max) {
        LineReader r = new LineReader(in);
        List<String> out = new ArrayList<>();
        try {
            while (true) {
                String event;
                try {
                    Line line = r.read(max);
                    if (line == null) {
                        return out;
                    }
                    event = show(line.text()) + (line.crlf() ? "|CRLF" : "|no CRLF");
                } catch (LineTooLongException e) {
                    event = e.skipped() ? "too long (skipped)" : "too long (given up)";
                }
                out.add(event + (r.afterCrlf() ? " after CRLF" : "") + " @" + r.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #events} of {@code text}, the same at every segment boundary. */
    private static List<String> eventsAtEveryCut(String text, int max) {
        return Segments.sameAtEveryCut(text, in -> events(in, max));
    }

    private static String show(String s) {
        return s.replace("\r", "<CR>").replace("\n", "<LF>");
    }

    @Test
    void crlfAndBareLf_bothEndALine_andTheLineSaysWhich() {
        // Commands are lenient about a bare LF; DATA needs to know which ending it was.
        assertThat(eventsAtEveryCut("a\r\nb\nc\r\n", 100))
                .containsExactly("a|CRLF after CRLF @3", "b|no CRLF @5", "c|CRLF after CRLF @8");
    }

    @Test
    void bareCr_doesNotEndALine_andStaysInIt() throws IOException {
        // Only LF ends a line; a CR not right before it is part of the text, for the caller to judge.
        Line line = reader("a\rb\r\n").read(100);
        assertThat(line.text()).isEqualTo("a\rb");
        assertThat(line.crlf()).isTrue();
        assertThat(line.hasBareCr()).isTrue();
        assertThat(eventsAtEveryCut("a\rb\r\r\n.\r", 100))
                .containsExactly("a<CR>b<CR>|CRLF after CRLF @6", ".<CR>|no CRLF @8");
    }

    @Test
    void lastLineWithoutLf_isEndedByTheEndOfInput_thenNull() throws IOException {
        // A client that closes mid-line still sent that line; it is not after a CRLF.
        LineReader r = reader("a\r\nb");
        assertThat(r.read(100).text()).isEqualTo("a");
        Line last = r.read(100);
        assertThat(last.text()).isEqualTo("b");
        assertThat(last.crlf()).isFalse();
        assertThat(r.afterCrlf()).isFalse();
        assertThat(r.read(100)).isNull();
        assertThat(reader("").read(100)).isNull();
    }

    @Test
    void nothingReadYet_countsAsAfterCrlf() {
        // The start of a connection is the start of a line.
        assertThat(reader("x").afterCrlf()).isTrue();
    }

    @Test
    void lineOfExactlyMax_isReturned_oneMoreIsTooLongAndSkipped() {
        // max counts the ending: 8 octets and CRLF, or 9 and a bare LF, fit in 10; the next
        // line is read normally after a skipped one.
        assertThat(eventsAtEveryCut("12345678\r\n123456789\n123456789\r\nnext\r\n", 10))
                .containsExactly("12345678|CRLF after CRLF @10", "123456789|no CRLF @20",
                        "too long (skipped) after CRLF @31", "next|CRLF after CRLF @37");
    }

    @Test
    void overLongLineEndedByBareLf_isNotAfterCrlf() {
        // The ending of a skipped line still counts: a dot after it is after a bare LF.
        assertThat(eventsAtEveryCut("y".repeat(30) + "\n.\r\n", 10))
                .containsExactly("too long (skipped) @31", ".|CRLF after CRLF @34");
        assertThat(eventsAtEveryCut("y".repeat(30) + "\r\r\n", 10))
                .containsExactly("too long (skipped) after CRLF @33");
    }

    @Test
    void lineWithoutLfFarPastMax_isGivenUpOnInItsMiddle() throws IOException {
        // 64 times the limit without an LF: the reader stops skipping and reports it; what it
        // reads next is the middle of that line, not after any CRLF.
        LineReader r = reader("y".repeat(1000) + "\r\n");
        LineTooLongException e = catchThrowableOfType(LineTooLongException.class, () -> r.read(10));
        assertThat(e.skipped()).isFalse();
        assertThat(r.afterCrlf()).isFalse();
        long gaveUpAt = r.position();
        assertThat(gaveUpAt).isBetween(640L, 660L);
        assertThat(r.read(2000).text()).isEqualTo("y".repeat(1000 - (int) gaveUpAt));
    }

    @Test
    void overLongLineCutByEndOfInput_isNotSkipped() {
        // No LF ever came, so there is nothing to go on from.
        LineTooLongException e = catchThrowableOfType(LineTooLongException.class, () -> reader("y".repeat(30)).read(10));
        assertThat(e.skipped()).isFalse();
    }

    @Test
    void bufferedAndPosition_countWhatWasReceivedAndWhatWasConsumed() throws IOException {
        // buffered() is what STARTTLS must throw away; position() bounds what DATA discards.
        LineReader r = new LineReader(Segments.of("a\r\nbc\r\nd", 7));
        r.read(100);
        assertThat(r.position()).isEqualTo(3);
        assertThat(r.buffered()).isEqualTo(4);
        r.read(100);
        assertThat(r.buffered()).isZero();
        r.read(100);
        assertThat(r.position()).isEqualTo(8);
    }

    @Test
    void crlfSplitAcrossTwoBufferFills_isStillCrlf() throws IOException {
        // The CR is the last byte of the reader's 8 KiB buffer, the LF the first of the next fill.
        LineReader r = reader("y".repeat(8191) + "\r\nnext\n");
        Line line = r.read(10_000);
        assertThat(line.bytes()).hasSize(8191);
        assertThat(line.crlf()).isTrue();
        assertThat(r.read(10_000).text()).isEqualTo("next");
        assertThat(r.afterCrlf()).isFalse();
    }
}
