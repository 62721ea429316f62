package armada.mailboat.smtp;

import armada.mailboat.Mailboat;
import armada.mailboat.io.Connection;
import armada.mailboat.server.ServerConfig;
import armada.mailboat.server.SessionHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The SMTP server (RFC 5321) for local delivery: give it to a
 * {@link armada.mailboat.server.Listener}, and each connection gets its own session. It takes
 * mail for the existing users of {@code mailboat} at the domains of the configuration and
 * answers 250 to DATA only once every copy is durable. Extensions: PIPELINING, 8BITMIME, SIZE,
 * ENHANCEDSTATUSCODES, and STARTTLS when the configuration has a TLS context.
 *
 * <p>The idle timeout is the connection's read timeout, which the listener sets; when it
 * expires the client is told {@code 421 4.4.2} and the session ends.
 */
public final class SmtpServer implements SessionHandler {

    private final ServerConfig config;
    private final Mailboat mailboat;
    private final Clock clock;
    private final boolean requireTls;
    private final Verbs verbs;

    public SmtpServer(ServerConfig config, Mailboat mailboat) {
        this(config, mailboat, Clock.system(ZoneId.systemDefault())); // Received headers use local time
    }

    /** @param clock dates the Received headers */
    public SmtpServer(ServerConfig config, Mailboat mailboat, Clock clock) {
        this(config, mailboat, clock, false);
    }

    private SmtpServer(ServerConfig config, Mailboat mailboat, Clock clock, boolean requireTls) {
        this.config = config;
        this.mailboat = mailboat;
        this.clock = clock;
        this.requireTls = requireTls;
        this.verbs = new Verbs(config, mailboat, clock, requireTls);
    }

    /**
     * This server, refusing MAIL (530 5.7.0) until the client has done STARTTLS.
     *
     * @throws IllegalArgumentException if the configuration has no TLS context
     */
    public SmtpServer requiringTls() {
        return new SmtpServer(config, mailboat, clock, true);
    }

    /** True if MAIL needs TLS first. */
    public boolean requiresTls() {
        return requireTls;
    }

    @Override
    public void serve(Connection connection) throws IOException {
        new SmtpSession(connection, verbs, config.hostname(), config.maxErrors()).run();
    }
}
