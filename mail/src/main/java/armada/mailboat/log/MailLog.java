package armada.mailboat.log;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The events an operator (and fail2ban) reads, each one line on the logger {@value #EVENTS}.
 * Every event starts with the same four fields in the same order, {@code event}, {@code service},
 * {@code client} (the IP address) and {@code result}, so a filter can anchor on them; what a
 * client chose (a user name, a message id) comes after, escaped so that it never holds a space
 * (see {@link Fields}).
 */
public final class MailLog {

    /** The logger the events go to. */
    public static final String EVENTS = "mailboat.events";

    private static final Logger LOG = LoggerFactory.getLogger(EVENTS);

    private MailLog() {
    }

    /**
     * A connection ended, or was refused at once.
     *
     * @param result {@code closed}, or why it was refused: {@code busy}, {@code client-limit}
     */
    public static void connection(String service, InetAddress client, String result, Duration length) {
        start("connection", service, client, result).addKeyValue("ms", length.toMillis()).log();
    }

    /**
     * A mail transaction ended with the reply to its data.
     *
     * @param result {@code delivered}, {@code refused} (5xx) or {@code deferred} (4xx)
     * @param queueId this server's id for the transaction
     * @param messageId the Message-ID header, or null if there is none
     */
    public static void transaction(String service, InetAddress client, String result, int code, String queueId,
            @Nullable String messageId, long size, String sender, List<String> recipients) {
        LoggingEventBuilder e = start("transaction", service, client, result)
                .addKeyValue("code", code)
                .addKeyValue("id", queueId)
                .addKeyValue("size", size)
                .addKeyValue("from", sender)
                .addKeyValue("to", String.join(",", recipients));
        if (messageId != null) {
            e = e.addKeyValue("message_id", messageId);
        }
        e.log();
    }

    /**
     * An authentication attempt.
     *
     * @param ok whether it succeeded ({@code result=ok}) or not ({@code result=fail})
     * @param mechanism {@code USER} (POP3), {@code PLAIN} or {@code LOGIN} (SMTP AUTH)
     */
    public static void auth(String service, InetAddress client, boolean ok, String mechanism, String user) {
        start("auth", service, client, ok ? "ok" : "fail").addKeyValue("mechanism", mechanism)
                .addKeyValue("user", user).log();
    }

    private static LoggingEventBuilder start(String event, String service, InetAddress client, String result) {
        return LOG.atInfo().setMessage(event).addKeyValue("event", event).addKeyValue("service", service)
                .addKeyValue("client", address(client)).addKeyValue("result", result);
    }

    /** The address without a scope or host name: {@code 192.0.2.1}, {@code 2001:db8::1}. */
    static String address(InetAddress a) {
        String text = a.getHostAddress();
        int scope = text.indexOf('%');
        return scope < 0 ? text : text.substring(0, scope);
    }
}
