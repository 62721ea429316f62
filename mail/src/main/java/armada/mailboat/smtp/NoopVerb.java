package armada.mailboat.smtp;

/** NOOP (RFC 5321 4.1.1.9): does nothing, in any state. */
final class NoopVerb implements Verb<SmtpCommand.Noop> {

    @Override
    public Reply handle(SmtpSession session, SmtpCommand.Noop command) {
        return Reply.ok();
    }
}
