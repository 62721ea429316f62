package armada.mailboat.io;

import java.nio.charset.StandardCharsets;

/** A line read from a client: its bytes without the line ending, and whether that was CRLF. */
public record Line(byte[] bytes, boolean crlf) {

    /** The bytes as text, one char per byte (ISO-8859-1), so nothing is lost or invented. */
    public String text() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** True if the line holds a CR that does not end it. */
    public boolean hasBareCr() {
        for (byte b : bytes) {
            if (b == '\r') {
                return true;
            }
        }
        return false;
    }
}
