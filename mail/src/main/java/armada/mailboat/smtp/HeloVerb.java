package armada.mailboat.smtp;

/** HELO (RFC 5321 4.1.1.1): greets without extensions and ends any transaction. */
final class HeloVerb implements Verb<SmtpCommand.Helo> {

    private final String hostname;

    HeloVerb(String hostname) {
        this.hostname = hostname;
    }

    @Override
    public Reply handle(SmtpSession session, SmtpCommand.Helo command) {
        session.greeted(command.domain(), false);
        return Reply.helo(hostname);
    }
}
