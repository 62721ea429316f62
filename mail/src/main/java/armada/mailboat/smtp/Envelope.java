package armada.mailboat.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * The envelope of one mail transaction: what MAIL and RCPT said. It lives from MAIL to the end
 * of DATA or RSET, and is never shared between transactions.
 *
 * @param reversePath the MAIL FROM address, empty for the null reverse-path
 * @param recipients the accepted recipients, each once, in the order given
 */
record Envelope(String reversePath, List<Address> recipients) {

    public Envelope {
        recipients = List.copyOf(recipients);
    }

    static Envelope from(String reversePath) {
        return new Envelope(reversePath, List.of());
    }

    /** This envelope with {@code recipient} added, unless it is there already. */
    Envelope with(Address recipient) {
        if (recipients.contains(recipient)) {
            return this;
        }
        List<Address> more = new ArrayList<>(recipients);
        more.add(recipient);
        return new Envelope(reversePath, more);
    }
}
