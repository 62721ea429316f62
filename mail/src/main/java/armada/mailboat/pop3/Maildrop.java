package armada.mailboat.pop3;

import armada.mailboat.StoredMessage;
import armada.mailboat.io.DotStuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The mailbox as Pickup returned it at login, with the messages marked for deletion. Message
 * numbers (1-based) refer to this snapshot for the whole session; a marked message is invisible
 * to every command but RSET, which unmarks them all. Sizes are in CRLF form, as sent.
 *
 * <p>Unique ids (UIDL, RFC 1939 section 7) are the message ids, which are file names in
 * {@code new/} and so stable across sessions. A UIDL must be 1 to 70 characters from 0x21 to
 * 0x7E; the library's own names ({@code <base36>.<attempt>}) always are. A file some other tool
 * put in {@code new/} whose name is not gets {@code ~} and the base64url SHA-256 of its name
 * instead (45 characters, still stable; a library name never starts with {@code ~}).
 */
final class Maildrop {

    private final String user;
    private final List<StoredMessage> messages;
    private final long[] sizes;
    private final boolean[] marked;

    Maildrop(String user, List<StoredMessage> messages) {
        this.user = user;
        this.messages = List.copyOf(messages);
        this.sizes = new long[this.messages.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = DotStuffer.crlfSize(this.messages.get(i).contents());
        }
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

    /** Message {@code n} if it exists and is not marked. */
    Optional<StoredMessage> visible(int n) {
        return exists(n) && !marked[n - 1] ? Optional.of(messages.get(n - 1)) : Optional.empty();
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

    String uid(int n) {
        return uidOf(messages.get(n - 1).id());
    }

    void mark(int n) {
        marked[n - 1] = true;
    }

    void unmarkAll() {
        Arrays.fill(marked, false);
    }

    /** The ids of the marked messages, in order. */
    List<String> markedIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < marked.length; i++) {
            if (marked[i]) {
                ids.add(messages.get(i).id());
            }
        }
        return ids;
    }

    static String uidOf(String id) {
        if (!id.isEmpty() && id.length() <= 70 && id.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "~" + Base64.getUrlEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
