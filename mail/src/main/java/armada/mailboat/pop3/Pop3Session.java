package armada.mailboat.pop3;

import armada.mailboat.io.Connection;
import armada.mailboat.io.CrlfSize;
import armada.mailboat.io.Line;
import armada.mailboat.io.LineTooLongException;
import armada.mailboat.store.Mailboxes;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One POP3 connection, from greeting to close, on its own virtual thread: reads a line, parses
 * it into a {@link Pop3Command}, runs the verb from the table, sends the {@link Reply}. The
 * state is explicit ({@link State}). Replies to pipelined commands are flushed together.
 *
 * <p>Login is Pickup (the user's lock is taken), without reading the messages: their sizes are
 * counted from disk a chunk at a time, and RETR and TOP read a message only as they send it, so
 * memory does not grow with the mailbox. QUIT in TRANSACTION is the Deletes of the
 * marked messages, then Unlock. However else the session ends (end of input, idle timeout, a
 * closed or broken connection, too many errors), nothing is deleted and the lock is released
 * (the {@code finally} in {@link #run}), on this same thread, as the lock requires.
 *
 * <p>A server shutting down stops the session at its next command
 * ({@code -ERR [SYS/TEMP] server shutting down}), deleting nothing.
 *
 * <p>Limits: a command line has at most {@value #MAX_LINE} octets with its CRLF (RFC 2449);
 * after {@code maxErrors} error replies the session closes.
 */
final class Pop3Session {

    static final int MAX_LINE = 255;
    private static final Logger LOG = LoggerFactory.getLogger(Pop3Session.class);

    private final Pop3Server server;
    private final Connection connection;
    private State state = State.AUTHORIZATION;
    private @Nullable String pendingUser;
    private @Nullable Maildrop maildrop;
    private int errors;
    private boolean tlsRequested;

    Pop3Session(Pop3Server server, Connection connection) {
        this.server = server;
        this.connection = connection;
    }

    void run() throws IOException {
        try {
            Reply.greeting(server.config().hostname()).writeTo(connection);
            connection.flush();
            while (state != State.CLOSED) {
                Reply reply = next();
                if (reply == null) {
                    return;
                }
                reply.writeTo(connection);
                if (!reply.ok() && ++errors >= server.config().maxErrors()) {
                    Reply.TOO_MANY_ERRORS.writeTo(connection);
                    connection.flush();
                    return;
                }
                if (tlsRequested) {
                    connection.flush();
                    startTls();
                } else if (state == State.CLOSED || !connection.hasBufferedInput()) {
                    connection.flush();
                }
            }
        } finally {
            release();
        }
    }

    /** The reply to the next command line, or null at the end of input. */
    private @Nullable Reply next() throws IOException {
        Line line;
        try {
            line = connection.readCommand(MAX_LINE);
        } catch (LineTooLongException e) {
            if (!e.skipped()) {
                // No end of line in sight: whatever follows cannot be trusted as a command.
                connection.send(Reply.LINE_TOO_LONG.statusLine());
                return null;
            }
            return Reply.LINE_TOO_LONG;
        }
        if (line == null) {
            return null;
        }
        Pop3Command command = Pop3Parser.parse(line);
        try {
            return server.verbs().dispatch(this, command);
        } catch (RuntimeException e) {
            LOG.warn("POP3 {} failed", command.keyword(), e);
            return Reply.INTERNAL_ERROR;
        }
    }

    /**
     * Switches to TLS after {@code +OK begin TLS} has been sent. Whatever the client sent after
     * STLS in plaintext is dropped unread by the connection (executing it would let a man in the
     * middle inject commands); the session starts over in AUTHORIZATION.
     */
    private void startTls() throws IOException {
        tlsRequested = false;
        if (connection.hasBufferedInput()) {
            LOG.info("dropping plaintext sent after STLS by {}", connection.remote().getHostAddress());
        }
        connection.startTls(Objects.requireNonNull(server.config().tls()));
        state = State.AUTHORIZATION;
        pendingUser = null;
    }

    /** Claims the user's mailbox for this session and picks it up; the caller has checked the password. */
    Reply login(String user) {
        Mailboxes mailboxes = server.mailboxes();
        if (!server.claim(user)) {
            return Reply.IN_USE;
        }
        boolean locked = false;
        try {
            mailboxes.ensureMailbox(user);
            List<String> ids = mailboxes.pickupIds(user);
            locked = true;
            if (PlantedBug.PICKUP_SKIPS_A_MESSAGE && !ids.isEmpty()) {
                ids = ids.subList(1, ids.size()); // the planted bug: only the torture test turns it on
            }
            long[] sizes = new long[ids.size()];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = crlfSize(mailboxes, user, ids.get(i));
            }
            Maildrop drop = new Maildrop(user, ids, sizes);
            maildrop = drop;
            state = State.TRANSACTION;
            return Reply.maildrop(drop.count(), drop.size());
        } catch (IOException | RuntimeException e) {
            LOG.warn("pickup failed for {}", user, e);
            if (locked) {
                try {
                    mailboxes.unlock(user);
                } catch (RuntimeException notHeld) {
                    LOG.error("unlock failed for {} after a failed pickup", user, notHeld);
                    return Reply.MAILBOX_UNAVAILABLE;
                }
            }
            server.release(user);
            return Reply.MAILBOX_UNAVAILABLE;
        }
    }

    /** The size of message {@code id} in CRLF form, read a chunk at a time. */
    private static long crlfSize(Mailboxes mailboxes, String user, String id) throws IOException {
        CrlfSize size = new CrlfSize();
        long offset = 0;
        for (long chunks = 0; ; chunks++) {
            if (chunks == Reply.MAX_CHUNKS) {
                throw new IOException("message " + id + " is longer than " + Reply.MAX_CHUNKS + " chunks");
            }
            byte[] chunk = mailboxes.read(user, id, offset, Reply.CHUNK);
            if (chunk.length == 0) {
                return size.total();
            }
            size.add(chunk);
            offset += chunk.length;
        }
    }

    /** Where message {@code id} of the picked-up mailbox is read from when it is sent. */
    MessageSource source(String id) {
        String user = maildrop().user();
        return (offset, length) -> server.mailboxes().read(user, id, offset, length);
    }

    /** QUIT in TRANSACTION: the UPDATE state (Deletes, then Unlock), then the end. */
    Reply update() {
        Maildrop drop = maildrop();
        state = State.UPDATE;
        boolean removed = true;
        try {
            for (String id : drop.markedIds()) {
                server.mailboxes().delete(drop.user(), id);
            }
        } catch (RuntimeException e) {
            LOG.warn("delete failed for {}", drop.user(), e);
            removed = false;
        }
        release();
        state = State.CLOSED;
        return removed ? Reply.signOffAfterUpdate(server.config().hostname(), drop.count()) : Reply.UPDATE_FAILED;
    }

    /** QUIT in AUTHORIZATION. */
    Reply signOff() {
        state = State.CLOSED;
        return Reply.signOff(server.config().hostname());
    }

    /** Unlocks the mailbox and gives up the claim on it, if this session holds it. */
    private void release() {
        Maildrop drop = maildrop;
        if (drop == null) {
            return;
        }
        maildrop = null;
        try {
            server.mailboxes().unlock(drop.user());
            server.release(drop.user());
        } catch (RuntimeException e) {
            // The lock's state is unknown: keep the claim, so later logins say IN-USE instead of blocking.
            LOG.error("unlock failed for {}; the mailbox stays in use until restart", drop.user(), e);
        }
    }

    /** The pause before an authentication failure is reported, on this session's thread only. */
    void pauseAfterAuthFailure() {
        try {
            Thread.sleep(server.config().authFailureDelay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    State state() {
        return state;
    }

    Pop3Server server() {
        return server;
    }

    @Nullable String pendingUser() {
        return pendingUser;
    }

    void pendingUser(@Nullable String user) {
        pendingUser = user;
    }

    /** The picked-up mailbox; only in TRANSACTION. */
    Maildrop maildrop() {
        Maildrop drop = maildrop;
        if (drop == null) {
            throw new IllegalStateException("no maildrop in state " + state);
        }
        return drop;
    }

    boolean secure() {
        return connection.secure();
    }

    InetAddress remote() {
        return connection.remote();
    }

    /** True if the server has a TLS context (STLS can be offered). */
    boolean tlsAvailable() {
        SSLContext tls = server.config().tls();
        return tls != null;
    }

    /** See {@link TlsFirst}: TLS is configured, not in use yet, and the client is not on loopback. */
    boolean plaintextLoginRefused() {
        return tlsAvailable() && !connection.secure() && !(server.config().trustLoopback() && connection.loopback());
    }

    void requestTls() {
        tlsRequested = true;
    }
}
