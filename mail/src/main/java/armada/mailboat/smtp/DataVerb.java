package armada.mailboat.smtp;

import armada.mailboat.io.DataReader;
import armada.mailboat.io.LineTooLongException;
import java.io.IOException;

/**
 * DATA (RFC 5321 4.1.1.4): sends 354 (flushing every queued reply, RFC 2920), reads the
 * message through {@link DataReader} up to CRLF.CRLF, and delivers it. Whatever the outcome the
 * transaction is over afterwards.
 *
 * <p>A text line over 1000 octets is answered {@code 500 5.5.2 line too long}, as an
 * over-long command line is: it breaks the protocol's line limit (RFC 5321 4.5.3.1.6), which
 * is a syntax matter, not a storage one; 552 is kept for the size limit. A bare LF or CR gets
 * {@code 550 5.6.0}, an oversized message {@code 552 5.3.4}; none of them stores anything. A
 * client that goes on far past the size without ending the data is told 552 and disconnected.
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
                data = DataReader.read(session.connection().in(), MAX_TEXT_LINE, maxMessageSize);
            } catch (LineTooLongException e) {
                session.close();
                return Reply.messageTooBig();
            }
            return switch (data.problem()) {
                case NONE -> delivery.deliver(session, envelope, data.message());
                case TOO_BIG -> Reply.messageTooBig();
                case LINE_TOO_LONG -> Reply.lineTooLong();
                case BARE_NEWLINE -> Reply.bareNewline();
            };
        } finally {
            session.resetTransaction();
        }
    }
}
