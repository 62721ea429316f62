package armada.mailboat.smtp;

import armada.mailboat.store.Mailboxes;
import armada.mailboat.store.Quotas;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * RCPT (RFC 5321 4.1.1.3): accepts only an existing local user at a served domain. Another
 * domain is relaying (550 5.7.1). At a served domain the local part is looked up without regard
 * to case ({@code Alice@} is {@code alice}), {@code postmaster} goes to the configured user
 * (RFC 5321 4.5.1), and a local part that names no user now ({@code ../x}, {@code a/b}, quoted,
 * unknown) is an unknown user (550 5.1.1): it never reaches the file system. Users added while
 * the server runs are found at once. {@code <postmaster>} without a domain is the local
 * postmaster. Past the recipient limit the reply is 452 4.5.3, which tells the client to send the
 * rest in another transaction (RFC 5321 4.5.3.1.10).
 *
 * <p>Quota: a mailbox already over its quota (or too full for the SIZE the client declared)
 * gets 452 4.2.2, which the client retries later; a declared SIZE bigger than the whole quota
 * gets 552 5.2.2. DATA checks again with the real size.
 */
final class RcptVerb implements Verb<SmtpCommand.Rcpt> {

    private final Mailboxes mailboxes;
    private final List<String> domains;
    private final int maxRecipients;

    RcptVerb(Mailboxes mailboxes, List<String> domains, int maxRecipients) {
        this.mailboxes = mailboxes;
        this.domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        this.maxRecipients = maxRecipients;
    }

    @Override
    public Reply handle(SmtpSession session, SmtpCommand.Rcpt command) {
        Envelope envelope = session.envelope();
        if (envelope.recipients().size() >= maxRecipients) {
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
        Optional<String> user = mailboxes.recipient(to.localPart());
        if (user.isEmpty()) {
            return Reply.unknownUser(to.toString());
        }
        Quotas.Fit quota = mailboxes.quota(user.get(), envelope.declaredSize().orElse(0));
        switch (quota) {
            case FULL -> {
                return Reply.mailboxFull(to.toString());
            }
            case TOO_BIG -> {
                return Reply.overQuota(to.toString());
            }
            case FITS -> {
            }
        }
        session.addRecipient(new Envelope.Recipient(to, user.get()));
        return Reply.recipientOk();
    }
}
