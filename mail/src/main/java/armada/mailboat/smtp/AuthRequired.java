package armada.mailboat.smtp;

import java.io.IOException;

/** Refuses a verb until the client has authenticated (the submission service's MAIL: 530 5.7.0, RFC 4954 section 6). */
final class AuthRequired<C extends SmtpCommand> implements Verb<C> {

    private final Verb<C> inner;

    AuthRequired(Verb<C> inner) {
        this.inner = inner;
    }

    @Override
    public Reply handle(SmtpSession session, C command) throws IOException {
        return session.authenticated() != null ? inner.handle(session, command) : Reply.authRequired();
    }
}
