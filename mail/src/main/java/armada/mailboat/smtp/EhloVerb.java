package armada.mailboat.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * EHLO (RFC 5321 4.1.1.1): greets, ends any transaction, and lists the extensions. STARTTLS is
 * offered only while it can be used: a TLS context is configured and the connection is still
 * plaintext. AUTH (submission only) is offered only once the connection is in TLS, and not
 * after the client has authenticated.
 */
final class EhloVerb implements Verb<SmtpCommand.Ehlo> {

    private final String hostname;
    private final long maxMessageSize;
    private final boolean tlsAvailable;
    private final boolean authOffered;

    EhloVerb(String hostname, long maxMessageSize, boolean tlsAvailable, boolean authOffered) {
        this.hostname = hostname;
        this.maxMessageSize = maxMessageSize;
        this.tlsAvailable = tlsAvailable;
        this.authOffered = authOffered;
    }

    @Override
    public Reply handle(SmtpSession session, SmtpCommand.Ehlo command) {
        session.greeted(command.domain(), true);
        List<String> extensions = new ArrayList<>(
                List.of("PIPELINING", "8BITMIME", "SIZE " + maxMessageSize, "ENHANCEDSTATUSCODES"));
        if (tlsAvailable && !session.secure()) {
            extensions.add("STARTTLS");
        }
        if (authOffered && session.secure() && session.authenticated() == null) {
            extensions.add("AUTH PLAIN LOGIN");
        }
        return Reply.ehlo(hostname, command.domain(), extensions);
    }
}
