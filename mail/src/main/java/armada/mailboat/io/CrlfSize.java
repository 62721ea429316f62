package armada.mailboat.io;

/**
 * Counts, chunk by chunk, the size of a stored message in CRLF form, as POP3's STAT and LIST
 * report it (RFC 1939 section 11: each LF stored alone counts two octets): exactly what
 * {@link DotStuffingWriter} writes for the whole message before the terminating line, dot
 * stuffing aside. Constant memory.
 */
public final class CrlfSize {

    private long size;
    private byte last = '\n';
    private boolean any;

    public void add(byte[] chunk) {
        for (byte b : chunk) {
            size++;
            if (b == '\n' && last != '\r') {
                size++;
            }
            last = b;
            any = true;
        }
    }

    /** The size of what was added, a last line without LF counted with its CRLF. */
    public long total() {
        if (!any || last == '\n') {
            return size;
        }
        return size + (last == '\r' ? 1 : 2);
    }
}
