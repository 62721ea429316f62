package armada.mailboat.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Named;

/**
 * SMTP smuggling attempts (the CVE-2023-51764 class) and the dialogue that carries them. An
 * attack is message text ending in something that looks like an end of data to a lenient reader
 * (a dot between bare CRs and LFs) but is not CRLF.CRLF; after it the client hides a whole
 * second transaction with a forged sender, then the real end, then a clean transaction and QUIT.
 * A server that takes the fake end for the end runs the hidden transaction and stores a message
 * from {@link #FORGED}.
 */
final class SmugglingCorpus {

    static final String FORGED = "forged@evil.test";

    /** Greeting, envelope and DATA of the outer (attacking) transaction, one command a step. */
    static final List<String> OPENING = List.of("EHLO client.test\r\n", "MAIL FROM:<sender@b.test>\r\n",
            "RCPT TO:<alice@localhost>\r\n", "DATA\r\n");

    /** The transaction hidden after the fake end; its own last CRLF starts the real end. */
    static final String HIDDEN = "MAIL FROM:<" + FORGED + ">\r\nRCPT TO:<alice@localhost>\r\nDATA\r\n"
            + "Subject: smuggled\r\n\r\nsmuggled\r\n";

    /** With the CRLF that ends {@link #HIDDEN}: CRLF.CRLF, the only end of data. */
    static final String REAL_END = ".\r\n";

    /** A clean transaction after the attack, then QUIT, one reply a step: the session must be in step. */
    static final List<String> AFTER = List.of("MAIL FROM:<sender@b.test>\r\n", "RCPT TO:<alice@localhost>\r\n",
            "DATA\r\n", "Subject: after\r\n\r\nclean\r\n.\r\n", "QUIT\r\n");

    /** What the server stores for {@link #AFTER}, byte for byte. */
    static final String CLEAN = "Return-Path: <sender@b.test>\n"
            + "Received: from client.test ([127.0.0.1]) by mx.test (Mailboat) with ESMTP; " + SmtpHarness.DATE
            + "\nSubject: after\n\nclean\n";

    /** The reply codes of {@link #dialogue}: one 550 for the whole attack, then AFTER in order. */
    static final List<String> CODES = List.of("220", "250", "250", "250", "354", "550", "250", "250", "354", "250",
            "221");

    static final String REFUSED = "550 5.6.0 bare LF or CR in message";

    private static final String TEXT = "Subject: outer\r\n\r\nouter body";
    private static final List<String> BEFORE_DOT = List.of("\n", "\r", "\r\n", "\n\r");
    private static final List<String> AFTER_DOT = List.of("\n", "\r", "\r\n", "\n\r", "\r\r\n");

    private SmugglingCorpus() {
    }

    /**
     * Every fake end: each line break (bare LF, bare CR, CRLF, LF CR) before a dot with each
     * (bare LF, bare CR, CRLF, LF CR, CR CRLF) after it, except the real CRLF.CRLF; a dot right
     * after the DATA command followed by a bare break; and a bare LF or CR with no dot at all.
     */
    static List<Named<String>> attacks() {
        List<Named<String>> out = new ArrayList<>();
        for (String before : BEFORE_DOT) {
            for (String after : AFTER_DOT) {
                String end = before + "." + after;
                if (!end.contains("\r\n.\r\n")) {
                    out.add(Named.of("text" + show(end), TEXT + end));
                }
            }
        }
        for (String after : AFTER_DOT) {
            if (!after.equals("\r\n")) {
                out.add(Named.of("DATA<CR><LF>." + show(after), "." + after));
            }
        }
        out.add(Named.of("text<LF>", TEXT + "\n"));
        out.add(Named.of("text<CR>", TEXT + "\r"));
        return out;
    }

    /** The DATA section: the attack, the hidden transaction, the real end. */
    static String data(String attack) {
        return attack + HIDDEN + REAL_END;
    }

    /** The client side of the connection, in the steps a client waiting for each reply takes. */
    static List<String> steps(String attack) {
        List<String> out = new ArrayList<>(OPENING);
        out.add(data(attack));
        out.addAll(AFTER);
        return out;
    }

    /** The whole client side of the connection. */
    static String dialogue(String attack) {
        return String.join("", steps(attack));
    }

    static String show(String s) {
        return s.replace("\r", "<CR>").replace("\n", "<LF>");
    }

    /** One reply for the attack (550), and every command after it answered in order. */
    static void assertInStep(List<String> replies) {
        assertInStep(replies, REFUSED, "replies");
    }

    /**
     * {@link #assertInStep(List)} with {@code refusal} as the one reply to the attack (its code
     * 5xx), naming the case in a failure.
     */
    static void assertInStep(List<String> replies, String refusal, String description) {
        List<String> codes = new ArrayList<>(CODES);
        codes.set(5, refusal.substring(0, 3));
        assertThat(replies).as(description).extracting(r -> r.substring(0, 3)).containsExactlyElementsOf(codes);
        assertThat(replies.get(5)).as(description).isEqualTo(refusal);
        assertThat(replies.get(9)).as(description).isEqualTo("250 2.0.0 message delivered to 1 recipient");
    }

    /** alice has exactly {@code clean} copies of the clean message, and nobody has anything else. */
    static void assertOnlyClean(SmtpHarness server, int clean) {
        assertThat(server.inbox("alice")).extracting(SmugglingCorpus::text).hasSize(clean).containsOnly(CLEAN);
        for (String user : SmtpHarness.USERS) {
            List<byte[]> all = new ArrayList<>(server.inbox(user));
            all.addAll(server.temporary(user));
            assertThat(all).extracting(SmugglingCorpus::text).noneMatch(m -> m.contains(FORGED) || m.contains("smuggled"));
        }
        for (String user : List.of("bob", "carol", "postmaster")) {
            assertThat(server.inbox(user)).isEmpty();
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
