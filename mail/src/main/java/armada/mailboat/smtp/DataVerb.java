package armada.mailboat.smtp;

import armada.mailboat.io.DataReader;
import armada.mailboat.io.LineTooLongException;
import java.io.IOException;

/**
 * DATA (RFC 5321 4.1.1.4): sends 354 (flushing every queued reply, RFC 2920), reads the
 * message through {@link DataReader} up to CRLF.CRLF, and delivers it. Whatever the outcome the
 * transaction is over afterwards.
 *
 * <p>The only end of data is CRLF.CRLF; a dot between bare CRs and LFs is message text (SMTP
 * smuggling, CVE-2023-51764). A message holding a bare LF or a bare CR, or sent after a DATA
 * command ended by a bare LF, is refused with {@code 550 5.6.0} once its real end has been
 * read: one reply for the whole text, and what follows the real end is read as commands.
 *
 * <p>A text line over 1000 octets is answered {@code 500 5.5.2 line too long}, as an
 * over-long command line is: it breaks the protocol's line limit (RFC 5321 4.5.3.1.6), which
 * is a syntax matter, not a storage one; 552 is kept for the size limit. An oversized message
 * gets {@code 552 5.3.4}. None of them stores anything; if a message has several of these
 * faults, the first one found is the one reported. A client that goes on far past the size
 * without ending the data is told 552 and disconnected.
 *
 * <p>The message is kept in memory while it is read, within the transaction's share of the
 * server's {@link armada.mailboat.io.MessageBuffer}; when that has no more room the rest is read
 * and dropped and the reply is {@code 452 4.3.1}. The share is given back when the transaction
 * ends (the session's reset after DATA, or the session's end), whatever happened.
 */
final class DataVerb implements Verb<SmtpCommand.Data> {

    /** RFC 5321 4.5.3.1.6: a text line is at most 1000 octets, CRLF included. */
    static final int MAX_TEXT_LINE = 1000;

    private final Delivery delivery;
    private final long maxMessageSize;

    DataVerb(Delivery delivery, long maxMessageSize) {
        this.delivery = delivery;
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public Reply handle(SmtpSession session, SmtpCommand.Data command) throws IOException {
        Envelope envelope = session.envelope();
        try {
            session.send(Reply.startData());
            DataReader.Result data;
            try {
                data = DataReader.read(session.connection().in(), MAX_TEXT_LINE, maxMessageSize, session.share());
            } catch (LineTooLongException e) {
                session.close();
                return Reply.messageTooBig();
            }
            return switch (data.problem()) {
                case NONE -> delivery.deliver(session, envelope, data.message());
                case TOO_BIG -> Reply.messageTooBig();
                case LINE_TOO_LONG -> Reply.lineTooLong();
                case BARE_NEWLINE -> Reply.bareNewline();
                case NO_MEMORY -> Reply.insufficientStorage();
            };
        } finally {
            session.resetTransaction();
        }
    }
}
