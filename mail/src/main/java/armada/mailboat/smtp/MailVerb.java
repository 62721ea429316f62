package armada.mailboat.smtp;

import armada.mailboat.io.MessageBuffer;

/**
 * MAIL (RFC 5321 4.1.1.2): starts a transaction. A declared SIZE over the limit is refused at
 * once (RFC 1870: 552 5.3.4), so the client does not send a message that would be thrown away.
 * A declared SIZE is also taken from the server's {@link MessageBuffer} now: if the buffers of
 * the transactions under way leave no room for it, the answer is {@code 452 4.3.1} (RFC 1870
 * 6.1), before any data is sent. Any reverse-path is taken, the null one {@code <>} included: it
 * is only recorded.
 */
final class MailVerb implements Verb<SmtpCommand.Mail> {

    private final long maxMessageSize;
    private final MessageBuffer buffer;

    MailVerb(long maxMessageSize, MessageBuffer buffer) {
        this.maxMessageSize = maxMessageSize;
        this.buffer = buffer;
    }

    @Override
    public Reply handle(SmtpSession session, SmtpCommand.Mail command) {
        if (command.size().isPresent() && command.size().getAsLong() > maxMessageSize) {
            return Reply.messageTooBig();
        }
        MessageBuffer.Share share = buffer.share();
        if (command.size().isPresent() && !share.reserve(command.size().getAsLong())) {
            return Reply.insufficientStorage();
        }
        session.beginTransaction(command.reversePath(), command.size(), share);
        return Reply.senderOk();
    }
}
