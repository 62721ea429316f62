package armada.mailboat.smtp;

import armada.mailboat.Mailboat;
import armada.mailboat.UserNames;
import java.util.List;
import java.util.Locale;

/**
 * RCPT (RFC 5321 4.1.1.3): accepts only an existing local user at a served domain. Another
 * domain is relaying (550 5.7.1). At a served domain, a local part that is not a valid user
 * name ({@code ../x}, {@code a/b}, upper case, quoted) or names no mailbox is an unknown user
 * (550 5.1.1): it never reaches the file system. {@code <postmaster>} without a domain is the
 * local user {@code postmaster}. Past the recipient limit the reply is 452 4.5.3, which tells
 * the client to send the rest in another transaction (RFC 5321 4.5.3.1.10).
 */
final class RcptVerb implements Verb<SmtpCommand.Rcpt> {

    private final Mailboat mailboat;
    private final List<String> domains;
    private final int maxRecipients;

    RcptVerb(Mailboat mailboat, List<String> domains, int maxRecipients) {
        this.mailboat = mailboat;
        this.domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        this.maxRecipients = maxRecipients;
    }

    @Override
    public Reply handle(SmtpSession session, SmtpCommand.Rcpt command) {
        if (session.envelope().recipients().size() >= maxRecipients) {
            return Reply.tooManyRecipients();
        }
        Address to = command.forwardPath();
        String domain = to.domain();
        if (domain != null) {
            domain = domain.toLowerCase(Locale.ROOT);
        }
        if (domain != null && !domains.contains(domain)) {
            return Reply.relayDenied();
        }
        String user = to.localPart();
        if (!UserNames.valid(user) || !mailboat.checkUser(user)) {
            return Reply.unknownUser(to.toString());
        }
        session.addRecipient(new Address(user, domain));
        return Reply.recipientOk();
    }
}
