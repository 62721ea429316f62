package armada.mailboat.smtp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The trace header added to every stored message (RFC 5321 section 4.4), on one line:
 * {@code Received: from <helo> ([<ip>]) by <hostname> (Mailboat) with <protocol>; <date>}.
 * The address is an RFC 5321 address literal; the protocol is one of RFC 3848's
 * {@code SMTP} (HELO), {@code ESMTP} (EHLO) and {@code ESMTPS} (after STARTTLS); the date is
 * RFC 5322's, with a numeric zone.
 */
final class ReceivedHeader {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private ReceivedHeader() {
    }

    /** The header, its LF included (stored messages have LF line endings). */
    static String render(String helo, InetAddress client, String hostname, String protocol, ZonedDateTime when) {
        return "Received: from " + helo + " (" + literal(client) + ") by " + hostname + " (Mailboat) with "
                + protocol + "; " + DATE.format(when) + "\n";
    }

    /** {@code [192.0.2.1]} or {@code [IPv6:2001:db8::1]} (RFC 5321 4.1.3). */
    static String literal(InetAddress address) {
        String text = address.getHostAddress();
        int scope = text.indexOf('%');
        if (scope >= 0) {
            text = text.substring(0, scope);
        }
        return address instanceof Inet6Address ? "[IPv6:" + text + "]" : "[" + text + "]";
    }

    /** The RFC 3848 protocol name of a session: ESMTPSA when the client authenticated (submission). */
    static String protocol(boolean secure, boolean extended, boolean authenticated) {
        String p = secure ? "ESMTPS" : extended ? "ESMTP" : "SMTP";
        return authenticated ? p + "A" : p;
    }
}
