package armada.mailboat.smtp;

import java.io.IOException;

/** Refuses a verb until the connection is in TLS (RFC 3207 section 4: 530 5.7.0). */
final class TlsRequired<C extends SmtpCommand> implements Verb<C> {

    private final Verb<C> inner;

    TlsRequired(Verb<C> inner) {
        this.inner = inner;
    }

    @Override
    public Reply handle(SmtpSession session, C command) throws IOException {
        return session.secure() ? inner.handle(session, command) : Reply.tlsRequired();
    }
}
