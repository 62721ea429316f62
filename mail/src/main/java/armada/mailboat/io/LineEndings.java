package armada.mailboat.io;

import java.io.ByteArrayOutputStream;

/**
 * Maildir keeps messages with LF line endings, the local convention (what mutt, Dovecot and
 * procmail read and write); the wire has CRLF. SMTP's DATA text comes in with CRLF lines
 * ({@link DataReader} refuses a bare CR or LF), so storing is CRLF to LF; serving is the other
 * way, with dot-stuffing, in {@link DotStuffingStream}.
 */
public final class LineEndings {

    private LineEndings() {
    }

    /** {@code message} with each CRLF made LF; a CR not followed by LF is kept. */
    public static byte[] crlfToLf(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length);
        for (int i = 0; i < message.length; i++) {
            if (message[i] == '\r' && i + 1 < message.length && message[i + 1] == '\n') {
                continue;
            }
            out.write(message[i]);
        }
        return out.toByteArray();
    }
}
