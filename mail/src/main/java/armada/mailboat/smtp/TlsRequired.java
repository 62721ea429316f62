package armada.mailboat.smtp;

import java.io.IOException;

/**
 * Refuses a verb until the connection is in TLS, with the given reply: 530 5.7.0 for MAIL (RFC
 * 3207 section 4), 538 5.7.11 for AUTH (RFC 4954 section 4).
 */
final class TlsRequired<C extends SmtpCommand> implements Verb<C> {

    private final Verb<C> inner;
    private final Reply refusal;

    TlsRequired(Verb<C> inner, Reply refusal) {
        this.inner = inner;
        this.refusal = refusal;
    }

    @Override
    public Reply handle(SmtpSession session, C command) throws IOException {
        return session.secure() ? inner.handle(session, command) : refusal;
    }
}
