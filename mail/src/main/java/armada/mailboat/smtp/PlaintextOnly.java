package armada.mailboat.smtp;

import java.io.IOException;

/** Refuses a verb once the connection is in TLS (a second STARTTLS: 503 5.5.1). */
final class PlaintextOnly<C extends SmtpCommand> implements Verb<C> {

    private final Verb<C> inner;

    PlaintextOnly(Verb<C> inner) {
        this.inner = inner;
    }

    @Override
    public Reply handle(SmtpSession session, C command) throws IOException {
        return session.secure() ? Reply.badSequence("already in TLS") : inner.handle(session, command);
    }
}
