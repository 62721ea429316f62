package armada.mailboat.smtp;

import armada.mailboat.io.LineEndings;
import armada.mailboat.log.MailLog;
import armada.mailboat.store.Mailboxes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Delivers one received message to each recipient of its envelope, with the Return-Path and
 * Received headers prepended (RFC 5321 section 4.4, final delivery), stored with LF line
 * endings (the Maildir convention): one {@link Mailboxes#deliver} per recipient, each atomic and
 * durable on its own. The reply is 250 only once every copy is durable.
 *
 * <p>Before storing anything, every recipient's quota is checked with the real size: a mailbox
 * too full now gets {@code 452 4.2.2} (the client retries), a message bigger than a whole quota
 * {@code 552 5.2.2}. A full file system gets {@code 452 4.3.1}, and the partial file is removed.
 *
 * <p>There is no atomicity across recipients. If a delivery fails, delivery stops there and the
 * reply ({@code 451 4.3.0}, or {@code 452 4.3.1} for a full disk) names the recipient it failed
 * for and those already served. The copies already delivered stay delivered: nothing can take a
 * durable message back out of a mailbox, and SMTP has no per-recipient reply to DATA, so the
 * client, retrying the transaction, may give those recipients a second copy. Stopping at the
 * first failure keeps such duplicates to the recipients before it.
 *
 * <p>Each transaction is logged once ({@link MailLog#transaction}) with a queue id of its own.
 */
final class Delivery {

    private final String service;
    private final Mailboxes mailboxes;
    private final Clock clock;
    private final String hostname;

    Delivery(String service, Mailboxes mailboxes, Clock clock, String hostname) {
        this.service = service;
        this.mailboxes = mailboxes;
        this.clock = clock;
        this.hostname = hostname;
    }

    Reply deliver(SmtpSession session, Envelope envelope, byte[] crlfMessage) {
        byte[] message = LineEndings.crlfToLf(crlfMessage);
        // RFC 5321 4.4: the final delivery adds the return path, then its own trace line.
        String header = "Return-Path: <" + envelope.reversePath() + ">\n"
                + ReceivedHeader.render(Objects.requireNonNullElse(session.helo(), "unknown"),
                        session.connection().remote(), hostname,
                        ReceivedHeader.protocol(session.secure(), session.extended(), session.authenticated() != null),
                        ZonedDateTime.now(clock));
        byte[] head = header.getBytes(StandardCharsets.ISO_8859_1);
        byte[] stored = new byte[head.length + message.length];
        System.arraycopy(head, 0, stored, 0, head.length);
        System.arraycopy(message, 0, stored, head.length, message.length);
        Reply reply = store(envelope, stored);
        List<String> to = envelope.recipients().stream().map(r -> r.address().toString()).toList();
        String result = reply.code() < 400 ? "delivered" : reply.code() < 500 ? "deferred" : "refused";
        MailLog.transaction(service, session.connection().remote(), result, reply.code(), queueId(), messageId(message),
                stored.length, envelope.reversePath(), to);
        return reply;
    }

    private Reply store(Envelope envelope, byte[] stored) {
        for (Envelope.Recipient r : envelope.recipients()) {
            switch (mailboxes.quota(r.user(), stored.length)) {
                case FULL -> {
                    return Reply.mailboxFull(r.address().toString());
                }
                case TOO_BIG -> {
                    return Reply.overQuota(r.address().toString());
                }
                case FITS -> {
                }
            }
        }
        List<String> delivered = new ArrayList<>();
        for (Envelope.Recipient r : envelope.recipients()) {
            switch (mailboxes.deliver(r.user(), stored)) {
                case DELIVERED -> delivered.add(r.address().toString());
                case NO_SPACE -> {
                    return delivered.isEmpty() ? Reply.insufficientStorage()
                            : Reply.deliveryFailed(r.address().toString(), delivered);
                }
                case FAILED -> {
                    return Reply.deliveryFailed(r.address().toString(), delivered);
                }
            }
        }
        return Reply.delivered(delivered.size());
    }

    private static String queueId() {
        return HexFormat.of().formatHex(longBytes(ThreadLocalRandom.current().nextLong())).substring(0, 12)
                .toUpperCase(Locale.ROOT);
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    /** The Message-ID header of an LF message (at most 200 characters of it), or null. */
    static @Nullable String messageId(byte[] message) {
        int start = 0;
        while (start < message.length && message[start] != '\n') {
            int end = start;
            while (end < message.length && message[end] != '\n') {
                end++;
            }
            String line = new String(message, start, end - start, StandardCharsets.ISO_8859_1);
            if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                String value = line.substring(11).strip();
                return value.length() > 200 ? value.substring(0, 200) : value;
            }
            start = end + 1;
        }
        return null;
    }
}
