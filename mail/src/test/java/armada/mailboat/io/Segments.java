package armada.mailboat.io;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Input as it arrives over TCP: fixed bytes handed out in given pieces, one piece (or less) per
 * read, never across a cut. Lets a framing test try every segment boundary deterministically.
 */
final class Segments extends InputStream {

    private final byte[] bytes;
    private final int[] cuts;
    private int pos;
    private int next;

    private Segments(byte[] bytes, int[] cuts) {
        this.bytes = bytes;
        this.cuts = cuts;
    }

    /** {@code text} (one byte per char) cut before each of the ascending positions {@code cuts}. */
    static InputStream of(String text, int... cuts) {
        return new Segments(text.getBytes(StandardCharsets.ISO_8859_1), cuts);
    }

    /** {@code text} one byte per read. */
    static InputStream bytewise(String text) {
        int[] cuts = new int[text.length()];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        return of(text, cuts);
    }

    /**
     * What {@code reading} makes of {@code text} in one piece, asserted to be the same for every
     * single cut and for one byte per read, so that no segment boundary changes the framing.
     */
    static <T> T sameAtEveryCut(String text, Function<InputStream, T> reading) {
        T whole = reading.apply(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
        List<String> differ = new ArrayList<>();
        for (int at = 1; at < text.length(); at++) {
            T cut = reading.apply(of(text, at));
            if (!cut.equals(whole)) {
                differ.add("cut at " + at + ": " + cut);
            }
        }
        T single = reading.apply(bytewise(text));
        if (!single.equals(whole)) {
            differ.add("byte by byte: " + single);
        }
        if (!differ.isEmpty()) {
            throw new AssertionError("in one piece: " + whole + "; but " + differ);
        }
        return whole;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos == bytes.length) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        while (next < cuts.length && cuts[next] <= pos) {
            next++;
        }
        int limit = next < cuts.length ? cuts[next] : bytes.length;
        int n = Math.min(len, limit - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
    }
}
