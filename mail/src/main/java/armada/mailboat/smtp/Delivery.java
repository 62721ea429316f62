package armada.mailboat.smtp;

import armada.mailboat.Mailboat;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers one received message to each recipient of its envelope, with the Return-Path and
 * Received headers prepended (RFC 5321 section 4.4, final delivery): one {@link Mailboat#deliver} per recipient, each atomic and durable on its own.
 * The reply is 250 only once every copy is durable (every deliver returned true).
 *
 * <p>There is no atomicity across recipients. If a delivery throws (or finds the user gone),
 * delivery stops there and the reply is {@code 451 4.3.0}, naming the recipient it failed for
 * and those already served. The copies already delivered stay delivered: nothing can take a
 * durable message back out of a mailbox, and SMTP has no per-recipient reply to DATA, so the
 * client, retrying the transaction, may give those recipients a second copy. Stopping at the
 * first failure keeps such duplicates to the recipients before it.
 */
final class Delivery {

    private static final Logger LOG = Logger.getLogger(Delivery.class.getName());

    private final Mailboat mailboat;
    private final Clock clock;
    private final String hostname;

    Delivery(Mailboat mailboat, Clock clock, String hostname) {
        this.mailboat = mailboat;
        this.clock = clock;
        this.hostname = hostname;
    }

    Reply deliver(SmtpSession session, Envelope envelope, byte[] message) {
        // RFC 5321 4.4: the final delivery adds the return path, then its own trace line.
        String header = "Return-Path: <" + envelope.reversePath() + ">\r\n" + ReceivedHeader.render(Objects.requireNonNullElse(session.helo(), "unknown"),
                session.connection().remote(), hostname,
                ReceivedHeader.protocol(session.secure(), session.extended()), ZonedDateTime.now(clock));
        byte[] head = header.getBytes(StandardCharsets.ISO_8859_1);
        byte[] stored = new byte[head.length + message.length];
        System.arraycopy(head, 0, stored, 0, head.length);
        System.arraycopy(message, 0, stored, head.length, message.length);
        List<String> delivered = new ArrayList<>();
        for (Address to : envelope.recipients()) {
            boolean durable;
            try {
                durable = mailboat.deliver(to.localPart(), stored);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "delivery to " + to + " failed", e);
                durable = false;
            }
            if (!durable) {
                return Reply.deliveryFailed(to.toString(), delivered);
            }
            delivered.add(to.toString());
        }
        return Reply.delivered(delivered.size());
    }
}
