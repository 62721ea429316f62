package armada.mailboat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POP3 multi-line bodies: CRLF lines, dots doubled, one terminator, and the size LIST reports. */
class DotStufferTest {

    private static String write(String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DotStuffer.write(out, bytes(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static String top(String message, int lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DotStuffer.writeTop(out, bytes(message), lines);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void leadingDot_isDoubled_andTheTerminatorFollows() {
        // RFC 1939 3: a line starting with a dot gets another, so it cannot be the terminator.
        assertThat(write("a\r\n.b\r\n.\r\n..\r\nc.\r\n")).isEqualTo("a\r\n..b\r\n..\r\n...\r\nc.\r\n.\r\n");
    }

    @Test
    void emptyMessage_isJustTheTerminator() {
        // Nothing to send but the end.
        assertThat(write("")).isEqualTo(".\r\n");
    }

    @Test
    void bareLfAndAMissingLastEnding_becomeCrlf() {
        // Maildir files written by other tools may use LF; the wire needs CRLF on every line.
        assertThat(write("a\nb\r\nc")).isEqualTo("a\r\nb\r\nc\r\n.\r\n");
        assertThat(write("a\r")).isEqualTo("a\r\n.\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\n.\r\nQUIT\r\n", "a\n.\nQUIT\n", "a\n.\r\nQUIT", "a\r.\r\nQUIT\r\n", "a\r\n.\rQUIT",
        ".\r\n", ".", "\r\n.\r\n.\r\n"})
    void storedTextThatLooksLikeAnEnd_cannotEndTheResponseEarly(String message) {
        // The only CRLF.CRLF in the output (or a first line that is a lone dot) is the terminator.
        String out = "\r\n" + write(message);
        assertThat(out.indexOf("\r\n.\r\n")).isEqualTo(out.length() - 5);
    }

    @Test
    void top_sendsTheHeadersTheBlankLineAndTheFirstBodyLines() throws IOException {
        // RFC 1939 TOP msg n: the whole header, then n lines of the body, stuffed the same way.
        String message = "H: 1\r\nK: 2\r\n\r\n.l1\r\nl2\r\nl3\r\n";
        assertThat(top(message, 0)).isEqualTo("H: 1\r\nK: 2\r\n\r\n.\r\n");
        assertThat(top(message, 2)).isEqualTo("H: 1\r\nK: 2\r\n\r\n..l1\r\nl2\r\n.\r\n");
        assertThat(top(message, 9)).isEqualTo(write(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a\n", "a\r\n", "a\r", "\r", "\n\n", "a\rb", "a\nb\r\nc", "x\r\n\r\ny\n"})
    void crlfSize_isWhatWriteSendsBeforeTheTerminator(String message) {
        // LIST and STAT must agree with RETR: the message in CRLF form (no leading dots here,
        // so no stuffing to leave out).
        assertThat(DotStuffer.crlfSize(bytes(message))).isEqualTo(write(message).length() - 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a\r\n", "Subject: x\r\n\r\n.\r\n..\r\n.x\r\nend\r\n", "\r\n\r\n", ". \r\n"})
    void writtenThenReadAsSmtpData_isTheSameMessage(String message) throws IOException {
        // DotStuffer and DataReader are inverse framings of one CRLF message.
        LineReader in = new LineReader(new ByteArrayInputStream(bytes(write(message))));
        DataReader.Result read = DataReader.read(in, 1000, 10_000);
        assertThat(read.problem()).isEqualTo(DataReader.Problem.NONE);
        assertThat(new String(read.message(), StandardCharsets.ISO_8859_1)).isEqualTo(message);
        assertThat(in.read(1000)).isNull();
    }
}
