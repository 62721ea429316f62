package armada.mailboat.smtp;

/** QUIT (RFC 5321 4.1.1.10): 221, then the session ends. */
final class QuitVerb implements Verb<SmtpCommand.Quit> {

    private final String hostname;

    QuitVerb(String hostname) {
        this.hostname = hostname;
    }

    @Override
    public Reply handle(SmtpSession session, SmtpCommand.Quit command) {
        session.close();
        return Reply.bye(hostname);
    }
}
