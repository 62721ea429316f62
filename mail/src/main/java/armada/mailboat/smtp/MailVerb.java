package armada.mailboat.smtp;

/**
 * MAIL (RFC 5321 4.1.1.2): starts a transaction. A declared SIZE over the limit is refused at
 * once (RFC 1870: 552 5.3.4), so the client does not send a message that would be thrown away.
 * Any reverse-path is taken, the null one {@code <>} included: it is only recorded.
 */
final class MailVerb implements Verb<SmtpCommand.Mail> {

    private final long maxMessageSize;

    MailVerb(long maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public Reply handle(SmtpSession session, SmtpCommand.Mail command) {
        if (command.size().isPresent() && command.size().getAsLong() > maxMessageSize) {
            return Reply.messageTooBig();
        }
        session.beginTransaction(command.reversePath(), command.size());
        return Reply.senderOk();
    }
}
