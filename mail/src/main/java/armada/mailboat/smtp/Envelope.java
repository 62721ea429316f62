package armada.mailboat.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The envelope of one mail transaction: what MAIL and RCPT said. It lives from MAIL to the end
 * of DATA or RSET, and is never shared between transactions.
 *
 * @param reversePath the MAIL FROM address, empty for the null reverse-path
 * @param declaredSize the SIZE the client declared at MAIL (RFC 1870), if it did
 * @param recipients the accepted recipients, each user once, in the order given
 */
record Envelope(String reversePath, OptionalLong declaredSize, List<Recipient> recipients) {

    /** An accepted recipient: the address as the client wrote it, and the local user it delivers to. */
    record Recipient(Address address, String user) {
    }

    Envelope {
        recipients = List.copyOf(recipients);
    }

    static Envelope from(String reversePath, OptionalLong declaredSize) {
        return new Envelope(reversePath, declaredSize, List.of());
    }

    /**
     * This envelope with {@code recipient} added, unless its user is there already ({@code Alice@}
     * and {@code alice@}, or {@code postmaster} and the user it maps to, get one copy).
     */
    Envelope with(Recipient recipient) {
        for (Recipient r : recipients) {
            if (r.user().equals(recipient.user())) {
                return this;
            }
        }
        List<Recipient> more = new ArrayList<>(recipients);
        more.add(recipient);
        return new Envelope(reversePath, declaredSize, more);
    }
}
