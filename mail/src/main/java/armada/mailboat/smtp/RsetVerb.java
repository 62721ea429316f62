package armada.mailboat.smtp;

/** RSET (RFC 5321 4.1.1.5): ends the transaction; the greeting stays. */
final class RsetVerb implements Verb<SmtpCommand.Rset> {

    @Override
    public Reply handle(SmtpSession session, SmtpCommand.Rset command) {
        session.resetTransaction();
        return Reply.ok();
    }
}
