package armada.examples.applog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The log's record format: one length byte, the value's bytes, one checksum byte over both. A
 * record cut short by a crash (a torn write) has fewer bytes than its length says, or a
 * checksum that does not match: {@link #parse} stops at it.
 */
final class Records {

    static final int MAX_VALUE = 120;

    private Records() {
    }

    static byte[] encode(String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        if (v.length > MAX_VALUE) {
            throw new IllegalArgumentException("a value is at most " + MAX_VALUE + " bytes");
        }
        byte[] r = new byte[v.length + 2];
        r[0] = (byte) v.length;
        System.arraycopy(v, 0, r, 1, v.length);
        r[r.length - 1] = checksum(r, 0, v.length + 1);
        return r;
    }

    /** The values of the whole records at the start of {@code log}, in order; a torn tail is left out. */
    static List<String> parse(byte[] log) {
        List<String> out = new ArrayList<>();
        int at = 0;
        while (at < log.length) {
            int length = log[at] & 0xFF;
            int end = at + 1 + length;
            if (length > MAX_VALUE || end >= log.length || log[end] != checksum(log, at, length + 1)) {
                break;
            }
            out.add(new String(log, at + 1, length, StandardCharsets.UTF_8));
            at = end + 1;
        }
        return out;
    }

    /**
     * The values as a recovery that trusts the length byte reads them: what follows the length,
     * up to the length or the end of the file, whatever is there. Wrong for a torn record.
     */
    static List<String> parseTrusting(byte[] log) {
        List<String> out = new ArrayList<>();
        int at = 0;
        while (at < log.length) {
            int length = log[at] & 0xFF;
            int end = Math.min(log.length, at + 1 + length);
            out.add(new String(log, at + 1, end - at - 1, StandardCharsets.UTF_8));
            at = end + 1;
        }
        return out;
    }

    private static byte checksum(byte[] b, int from, int count) {
        int sum = 0x5A;
        for (int i = from; i < from + count; i++) {
            sum = sum * 31 + (b[i] & 0xFF);
        }
        return (byte) sum;
    }
}
