package armada.mailboat.pop3;

import armada.mailboat.Mailboat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The mailbox as it was picked up at login: each message's id and size, and which are marked
 * for deletion; never the messages themselves, which are read from disk when they are sent, so a
 * session's memory does not grow with the mailbox. Message numbers (1-based) refer to this
 * snapshot for the whole session; a marked message is invisible to every command but RSET,
 * which unmarks them all. Sizes are in CRLF form, as sent.
 *
 * <p>Unique ids (UIDL, RFC 1939 section 7) are the messages' unique names ({@link Mailboat#uniqueName}:
 * the file name without {@code cur/} and without the flags a mail reader adds), so a message keeps
 * its UIDL when a reader moves it from {@code new/} to {@code cur/}. A UIDL must be 1 to 70
 * characters from 0x21 to 0x7E; the library's own names ({@code <base36>.<attempt>}) always
 * are. A name some other tool chose that is not gets {@code ~} and the base64url SHA-256 of the
 * name instead (45 characters, still stable; a library name never starts with {@code ~}).
 */
final class Maildrop {

    private final String user;
    private final List<String> ids;
    private final long[] sizes;
    private final boolean[] marked;

    /** @param sizes each message's size in CRLF form, in the order of {@code ids} */
    Maildrop(String user, List<String> ids, long[] sizes) {
        if (ids.size() != sizes.length) {
            throw new IllegalArgumentException(ids.size() + " ids but " + sizes.length + " sizes");
        }
        this.user = user;
        this.ids = List.copyOf(ids);
        this.sizes = sizes.clone();
        this.marked = new boolean[sizes.length];
    }

    String user() {
        return user;
    }

    /** Messages in the snapshot, marked or not: the highest message number. */
    int highest() {
        return sizes.length;
    }

    /** Messages not marked. */
    int count() {
        int n = 0;
        for (boolean m : marked) {
            n += m ? 0 : 1;
        }
        return n;
    }

    /** Octets of the messages not marked, in CRLF form. */
    long size() {
        long total = 0;
        for (int i = 0; i < sizes.length; i++) {
            total += marked[i] ? 0 : sizes[i];
        }
        return total;
    }

    /** True if message {@code n} exists and is not marked. */
    boolean visible(int n) {
        return exists(n) && !marked[n - 1];
    }

    boolean exists(int n) {
        return n >= 1 && n <= sizes.length;
    }

    boolean marked(int n) {
        return exists(n) && marked[n - 1];
    }

    long size(int n) {
        return sizes[n - 1];
    }

    /** The library's id of message {@code n}. */
    String id(int n) {
        return ids.get(n - 1);
    }

    String uid(int n) {
        return uidOf(Mailboat.uniqueName(ids.get(n - 1)));
    }

    void mark(int n) {
        marked[n - 1] = true;
    }

    void unmarkAll() {
        Arrays.fill(marked, false);
    }

    /** The ids of the marked messages, in order. */
    List<String> markedIds() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < marked.length; i++) {
            if (marked[i]) {
                out.add(ids.get(i));
            }
        }
        return out;
    }

    static String uidOf(String name) {
        if (!name.isEmpty() && name.length() <= 70 && name.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "~" + Base64.getUrlEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
