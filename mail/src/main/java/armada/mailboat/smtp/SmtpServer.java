package armada.mailboat.smtp;

import armada.mailboat.config.ServerConfig;
import armada.mailboat.io.Connection;
import armada.mailboat.io.MessageBuffer;
import armada.mailboat.net.SessionHandler;
import armada.mailboat.store.Mailboxes;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The SMTP server (RFC 5321) for local delivery: give it to a
 * {@link armada.mailboat.net.Listener}, and each connection gets its own session. It takes
 * mail for the users of the {@link Mailboxes} at the domains of the configuration and answers
 * 250 to DATA only once every copy is durable. Extensions: PIPELINING, 8BITMIME, SIZE,
 * ENHANCEDSTATUSCODES, STARTTLS when the configuration has a TLS context, and, on the
 * submission service ({@link #submission}), AUTH PLAIN and LOGIN once in TLS.
 *
 * <p>The idle timeout is the connection's read timeout, which the listener sets; when it
 * expires the client is told {@code 421 4.4.2} and the session ends.
 */
public final class SmtpServer implements SessionHandler {

    private final String service;
    private final ServerConfig config;
    private final Mailboxes mailboxes;
    private final Clock clock;
    private final Verbs.Mode mode;
    private final Verbs verbs;
    private final MessageBuffer buffer;

    public SmtpServer(ServerConfig config, Mailboxes mailboxes) {
        this(config, mailboxes, Clock.system(ZoneId.systemDefault()));
    }

    /** @param clock dates the Received headers */
    public SmtpServer(ServerConfig config, Mailboxes mailboxes, Clock clock) {
        this("smtp", config, mailboxes, clock, Verbs.Mode.RELAY_IN, new MessageBuffer(config.messageBuffer()));
    }

    private SmtpServer(String service, ServerConfig config, Mailboxes mailboxes, Clock clock, Verbs.Mode mode,
            MessageBuffer buffer) {
        this.service = service;
        this.config = config;
        this.mailboxes = mailboxes;
        this.clock = clock;
        this.mode = mode;
        this.buffer = buffer;
        this.verbs = new Verbs(service, config, mailboxes, clock, mode, buffer);
    }

    /** The message data buffer, shared with the {@link #submission} and {@link #requiringTls} servers made from this one. */
    public MessageBuffer messageBuffer() {
        return buffer;
    }

    /**
     * This server as the submission service (RFC 6409, {@code --submission}): the client must
     * do STARTTLS, then AUTH with a user's password, before MAIL; recipients are local users, as
     * on port 25 (relaying to other domains is not offered).
     *
     * @throws IllegalArgumentException if the configuration has no TLS context
     */
    public SmtpServer submission() {
        return new SmtpServer("submission", config, mailboxes, clock, Verbs.Mode.SUBMISSION, buffer);
    }

    /**
     * This server, refusing MAIL (530 5.7.0) until the client has done STARTTLS.
     *
     * @throws IllegalArgumentException if the configuration has no TLS context
     */
    public SmtpServer requiringTls() {
        return new SmtpServer(service, config, mailboxes, clock, Verbs.Mode.RELAY_IN_TLS, buffer);
    }

    /** True if MAIL needs TLS first. */
    public boolean requiresTls() {
        return mode != Verbs.Mode.RELAY_IN;
    }

    @Override
    public String service() {
        return service;
    }

    @Override
    public void serve(Connection connection) throws IOException {
        new SmtpSession(connection, verbs, config.hostname(), config.maxErrors()).run();
    }

    @Override
    public String line(Refusal refusal) {
        Reply r = switch (refusal) {
            case BUSY -> Reply.busy();
            case CLIENT_LIMIT -> Reply.tooManyFromClient();
            case STOPPING -> Reply.shuttingDown();
        };
        return r.render().getFirst();
    }
}
