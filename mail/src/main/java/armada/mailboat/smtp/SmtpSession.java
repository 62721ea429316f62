package armada.mailboat.smtp;

import armada.mailboat.io.Connection;
import armada.mailboat.io.Line;
import armada.mailboat.io.LineTooLongException;
import armada.mailboat.io.MessageBuffer;
import java.io.IOException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP connection, from greeting to close: reads a command line, parses it, lets its verb
 * act, sends the reply. The session owns the per-connection state and keeps the two reset
 * scopes apart: {@link #resetTransaction()} (RSET, end of DATA, a new HELO/EHLO) forgets the
 * envelope only; {@link #resetConnection()} (after STARTTLS) also forgets the greeting, so the
 * client must send EHLO again. The error count spans the whole TCP connection and survives
 * both.
 *
 * <p>Pipelining (RFC 2920): a reply is only queued while the client has more input buffered,
 * and everything queued goes out when the buffer runs dry, before the 354 of DATA, before the
 * TLS handshake, and before the connection closes.
 *
 * <p>A server shutting down stops the session at its next command with {@code 421 4.3.2}
 * ({@link Connection#readCommand}); a transaction being delivered is finished first.
 *
 * <p>Limits: a command line over 512 octets is answered {@code 500 5.5.2} and skipped; after
 * {@code maxErrors} error replies (any 4xx or 5xx) the session sends {@code 421 4.7.0} and
 * ends; a read that times out sends {@code 421 4.4.2} if it can and ends.
 */
final class SmtpSession {

    /** RFC 5321 4.5.3.1.4: a command line is at most 512 octets, CRLF included. */
    static final int MAX_COMMAND_LINE = 512;

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSession.class);

    private final Connection connection;
    private final Verbs verbs;
    private final String hostname;
    private final int maxErrors;

    private State state = State.START;
    private @Nullable String helo;
    private boolean extended;
    private @Nullable Envelope envelope;
    /** The current transaction's share of the server's message buffer, given back at its end. */
    private MessageBuffer.@Nullable Share share;
    private int errors;
    private @Nullable SSLContext tlsAfterReply;
    private @Nullable String authenticated;

    SmtpSession(Connection connection, Verbs verbs, String hostname, int maxErrors) {
        this.connection = connection;
        this.verbs = verbs;
        this.hostname = hostname;
        this.maxErrors = maxErrors;
    }

    /** Serves the connection until QUIT, a limit, or the client going away; the caller closes it. */
    void run() throws IOException {
        try {
            serve();
        } finally {
            releaseShare();
        }
    }

    private void serve() throws IOException {
        send(Reply.greeting(hostname));
        try {
            while (state != State.CLOSED) {
                Line line;
                try {
                    line = connection.readCommand(MAX_COMMAND_LINE);
                } catch (LineTooLongException e) {
                    reply(Reply.lineTooLong());
                    if (!e.skipped()) {
                        return;
                    }
                    continue;
                }
                if (line == null) {
                    return;
                }
                reply(verbs.dispatch(this, SmtpParser.parse(line.text())));
                if (tlsAfterReply != null) {
                    startTls(tlsAfterReply);
                }
            }
        } catch (SocketTimeoutException e) {
            try {
                send(Reply.idleTimeout());
            } catch (IOException ignored) {
                // The client is gone; there is no one to tell.
            }
        }
    }

    /** Sends {@code reply}, counting errors; flushes unless the client has pipelined more. */
    private void reply(Reply reply) throws IOException {
        if (reply.isError() && ++errors >= maxErrors && state != State.CLOSED) {
            write(reply);
            state = State.CLOSED;
            send(Reply.tooManyErrors());
            return;
        }
        write(reply);
        if (state == State.CLOSED || tlsAfterReply != null || !connection.hasBufferedInput()) {
            connection.flush();
        }
    }

    /** Sends {@code reply} now, with everything queued before it (DATA's 354, the 421s). */
    void send(Reply reply) throws IOException {
        write(reply);
        connection.flush();
    }

    private void write(Reply reply) throws IOException {
        for (String line : reply.render()) {
            connection.queue(line);
        }
    }

    private void startTls(SSLContext context) throws IOException {
        tlsAfterReply = null;
        if (connection.hasBufferedInput()) {
            // The client sent more after STARTTLS, before the handshake: the command-injection
            // attack of RFC 3207 section 6 / CVE-2011-0411. startTls drops it unread.
            LOG.info("discarding plaintext pipelined after STARTTLS from {}", connection.remote().getHostAddress());
        }
        try {
            connection.startTls(context);
        } catch (SSLException e) {
            LOG.debug("TLS handshake failed with {}: {}", connection.remote().getHostAddress(), e.toString());
            state = State.CLOSED;
            return;
        }
        resetConnection();
    }

    // ---- what verbs read and change

    Connection connection() {
        return connection;
    }

    State state() {
        return state;
    }

    boolean secure() {
        return connection.secure();
    }

    /** The HELO/EHLO argument, or null before it. */
    @Nullable String helo() {
        return helo;
    }

    /** True after EHLO, false after HELO. */
    boolean extended() {
        return extended;
    }

    /** HELO or EHLO: a greeting also ends any transaction (RFC 5321 4.1.4). */
    void greeted(String domain, boolean isExtended) {
        resetTransaction();
        helo = domain;
        extended = isExtended;
        state = State.READY;
    }

    /** MAIL: a new envelope. */
    void beginTransaction(String reversePath, java.util.OptionalLong declaredSize, MessageBuffer.Share taken) {
        releaseShare();
        share = taken;
        envelope = Envelope.from(reversePath, declaredSize);
        state = State.MAIL;
    }

    /** The current transaction's share of the message buffer; only in a transaction. */
    MessageBuffer.Share share() {
        if (share == null) {
            throw new IllegalStateException("no mail transaction in state " + state);
        }
        return share;
    }

    private void releaseShare() {
        if (share != null) {
            share.close();
            share = null;
        }
    }

    /** The current transaction's envelope; only in {@link State#MAIL} and {@link State#RCPT}. */
    Envelope envelope() {
        if (envelope == null) {
            throw new IllegalStateException("no mail transaction in state " + state);
        }
        return envelope;
    }

    /** RCPT accepted: adds the recipient (once per user). */
    void addRecipient(Envelope.Recipient recipient) {
        envelope = envelope().with(recipient);
        state = State.RCPT;
    }

    /** The per-transaction reset (RSET, end of DATA, HELO/EHLO): the envelope goes, the greeting stays. */
    void resetTransaction() {
        envelope = null;
        releaseShare();
        if (state == State.MAIL || state == State.RCPT) {
            state = State.READY;
        }
    }

    /** The user the client authenticated as (submission), or null. */
    @Nullable String authenticated() {
        return authenticated;
    }

    /** AUTH succeeded: the rest of the connection acts for {@code user}. */
    void authenticate(String user) {
        authenticated = user;
    }

    /** The per-connection reset (after STARTTLS): back to {@link State#START}, EHLO needed again. */
    void resetConnection() {
        envelope = null;
        releaseShare();
        authenticated = null;
        helo = null;
        extended = false;
        state = State.START;
    }

    /** After this reply is sent, switch to TLS with {@code context} (STARTTLS). */
    void startTlsAfterReply(SSLContext context) {
        tlsAfterReply = context;
    }

    /** The reply being made is the last: the session ends once it is sent. */
    void close() {
        state = State.CLOSED;
    }
}
