package armada.mailboat.smtp;

import javax.net.ssl.SSLContext;

/**
 * STARTTLS (RFC 3207): answers 220 and has the session switch to TLS once that reply is sent.
 * The session then drops whatever plaintext the client sent after the command (never executing
 * it) and returns to its start state, so the client must send EHLO again. Whether STARTTLS is
 * allowed at all (configured, not yet in TLS, no transaction open) is decided by decorators.
 */
final class StartTlsVerb implements Verb<SmtpCommand.StartTls> {

    private final SSLContext context;

    StartTlsVerb(SSLContext context) {
        this.context = context;
    }

    @Override
    public Reply handle(SmtpSession session, SmtpCommand.StartTls command) {
        session.startTlsAfterReply(context);
        return Reply.readyForTls();
    }
}
