package armada.mailboat.smtp;

/**
 * VRFY (RFC 5321 4.1.1.6, 7.3): always 252, so that it cannot be used to list the users;
 * RCPT is the only place a user name is checked.
 */
final class VrfyVerb implements Verb<SmtpCommand.Vrfy> {

    @Override
    public Reply handle(SmtpSession session, SmtpCommand.Vrfy command) {
        return Reply.cannotVerify();
    }
}
