package armada.mailboat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming writer and size counter behind RETR, TOP, LIST and STAT: LF-stored messages come
 * out as CRLF lines, and any split of the input into chunks gives the same output as one chunk.
 */
class DotStuffingWriterTest {

    /** Messages with every ending in every place: LF, CRLF, bare CR, no final newline, dot lines. */
    private static final List<String> MESSAGES = List.of(
            "Subject: a\n\nbody\n.dot\n..two\n",
            "Subject: a\r\n\r\nbody\r\n.\r\n",
            "mixed\r\nlf\nbare\rcr\n\n.last",
            "ends in cr\r",
            "\n",
            "",
            ".",
            "h: 1\nh: 2\n\nl1\nl2\nl3\n");

    private static String write(byte[][] chunks, int bodyLines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DotStuffingWriter w = new DotStuffingWriter(out, bodyLines);
        for (byte[] c : chunks) {
            w.write(c);
        }
        w.finish();
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void lfStoredMessage_isSentWithCrlfAndDotsDoubled() throws IOException {
        // Maildir keeps LF; RFC 1939 wants CRLF lines and a dot doubled at a line's start.
        assertThat(write(new byte[][] {bytes("Subject: a\n\nbody\n.dot\n")}, Integer.MAX_VALUE))
                .isEqualTo("Subject: a\r\n\r\nbody\r\n..dot\r\n.\r\n");
    }

    @Test
    void everySplitIntoTwoChunks_givesTheOneChunkOutput() throws IOException {
        // A CR at the end of one chunk and its LF at the start of the next is still one line
        // ending; a dot at a chunk's start is stuffed only if it starts a line.
        for (String m : MESSAGES) {
            byte[] all = bytes(m);
            for (int lines : new int[] {0, 1, Integer.MAX_VALUE}) {
                String whole = write(new byte[][] {all}, lines);
                for (int cut = 0; cut <= all.length; cut++) {
                    byte[] a = java.util.Arrays.copyOfRange(all, 0, cut);
                    byte[] b = java.util.Arrays.copyOfRange(all, cut, all.length);
                    assertThat(write(new byte[][] {a, b}, lines)).as("%s cut at %d, %d lines", m, cut, lines)
                            .isEqualTo(whole);
                }
            }
        }
    }

    @Test
    void oneByteChunks_giveTheSameAsDotStufferOnTheWholeMessage() throws IOException {
        // The array form (DotStuffer) and the stream form agree byte for byte.
        for (String m : MESSAGES) {
            byte[] all = bytes(m);
            byte[][] single = new byte[all.length][];
            for (int i = 0; i < all.length; i++) {
                single[i] = new byte[] {all[i]};
            }
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            DotStuffer.write(expected, all);
            assertThat(write(single, Integer.MAX_VALUE)).as(m).isEqualTo(expected.toString(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void top_stopsAfterTheBodyLinesAndSaysItIsDone() throws IOException {
        // TOP n 1: headers, the blank line, one body line; then done() lets RETR's reader stop.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DotStuffingWriter w = new DotStuffingWriter(out, 1);
        w.write(bytes("h: 1\n\nl1\n"));
        assertThat(w.done()).isTrue();
        w.write(bytes("l2\n"));
        w.finish();
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo("h: 1\r\n\r\nl1\r\n.\r\n");
    }

    @Test
    void crlfSize_isWhatTheWriterSendsBeforeTheTerminatorWithoutStuffing() {
        // RFC 1939 11: sizes count each stored LF as CRLF; chunking does not change them.
        for (String m : MESSAGES) {
            byte[] all = bytes(m);
            String sent;
            try {
                sent = write(new byte[][] {all}, Integer.MAX_VALUE);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            long stuffed = sent.lines().filter(l -> l.startsWith("..")).count();
            long expected = sent.length() - 3 - stuffed;
            for (int cut = 0; cut <= all.length; cut++) {
                CrlfSize size = new CrlfSize();
                size.add(java.util.Arrays.copyOfRange(all, 0, cut));
                size.add(java.util.Arrays.copyOfRange(all, cut, all.length));
                assertThat(size.total()).as("%s cut at %d", m, cut).isEqualTo(expected);
            }
        }
    }

    @Test
    void crlfToLf_turnsEachCrlfIntoLfAndKeepsBareCr() {
        // What SMTP stores: CRLF lines become LF lines; a lone CR is text (DATA refuses it anyway).
        assertThat(LineEndings.crlfToLf(bytes("a\r\nb\r\n\r\nc\rd\r"))).isEqualTo(bytes("a\nb\n\nc\rd\r"));
        assertThat(LineEndings.crlfToLf(bytes(""))).isEmpty();
    }
}
