package armada.mailboat.pop3;

import armada.mailboat.io.Connection;
import armada.mailboat.io.DotStuffingWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every reply the POP3 server sends, and only here: the status ({@code +OK} or {@code -ERR}),
 * the text (with an RFC 2449 / RFC 3206 response code in brackets where one applies), and, for
 * multi-line replies, the body. {@link #writeTo} renders it, dot-stuffing the body and adding
 * the terminating dot.
 */
record Reply(boolean ok, String text, @Nullable Body body) {

    /** The body of a multi-line reply. */
    sealed interface Body permits Lines, Message {
    }

    /** Lines of a listing (scan or unique-id listing, capabilities). */
    record Lines(List<String> lines) implements Body {
        Lines {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A stored message, whole or its headers and first {@code bodyLines} body lines, read from
     * its source in chunks of {@link #CHUNK} octets while it is written.
     */
    record Message(MessageSource source, int bodyLines) implements Body {
    }

    /** Octets read from disk at a time when a message is sent. */
    static final int CHUNK = 64 * 1024;
    /** The most chunks of one message (64 GiB): a source that never ends is cut there. */
    static final long MAX_CHUNKS = 1L << 20;

    /** What the listener sends a client over the connection cap before closing. */
    static final String BUSY_LINE = "-ERR [SYS/TEMP] too busy, try again later";

    static final Reply OK = ok("");
    static final Reply SEND_PASS = ok("send PASS");
    static final Reply BEGIN_TLS = ok("begin TLS");

    static final Reply UNKNOWN_COMMAND = err("unknown command");
    static final Reply WRONG_STATE = err("command not valid in this state");
    static final Reply SYNTAX = err("syntax error");
    static final Reply INVALID_NUMBER = err("invalid number");
    static final Reply LINE_TOO_LONG = err("line too long");
    static final Reply TOO_MANY_ERRORS = err("too many errors, closing connection");
    static final Reply NO_SUCH_MESSAGE = err("no such message");
    static final Reply USER_FIRST = err("send USER first");
    static final Reply AUTH_FAILED = err("[AUTH] invalid user or password");
    static final Reply USE_STLS = err("[AUTH] use STLS first");
    static final Reply IN_USE = err("[IN-USE] mailbox already locked");
    static final Reply MAILBOX_UNAVAILABLE = err("[SYS/TEMP] mailbox not available");
    static final Reply SHUTTING_DOWN = err("[SYS/TEMP] server shutting down, try again later");
    static final Reply TOO_MANY_FROM_CLIENT = err("[SYS/TEMP] too many connections from your address");
    static final Reply UPDATE_FAILED = err("[SYS/TEMP] some deleted messages not removed");
    static final Reply INTERNAL_ERROR = err("[SYS/TEMP] internal error");
    static final Reply TLS_UNAVAILABLE = err("TLS not available");
    static final Reply TLS_ACTIVE = err("command not permitted when TLS active");

    Reply {
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a reply text is one line");
        }
    }

    private static Reply ok(String text) {
        return new Reply(true, text, null);
    }

    private static Reply err(String text) {
        return new Reply(false, text, null);
    }

    static Reply greeting(String hostname) {
        return ok(hostname + " Mailboat POP3 ready");
    }

    static Reply signOff(String hostname) {
        return ok(hostname + " Mailboat POP3 signing off");
    }

    static Reply signOffAfterUpdate(String hostname, int left) {
        return ok(hostname + " Mailboat POP3 signing off (" + left + " messages left)");
    }

    /** After PASS and after RSET. */
    static Reply maildrop(int count, long size) {
        return ok("maildrop has " + count + " messages (" + size + " octets)");
    }

    static Reply stat(int count, long size) {
        return ok(count + " " + size);
    }

    /** LIST or UIDL with an argument: one line, {@code +OK n value}. */
    static Reply single(int n, String value) {
        return ok(n + " " + value);
    }

    static Reply scanListing(int count, long size, List<String> lines) {
        return new Reply(true, count + " messages (" + size + " octets)", new Lines(lines));
    }

    static Reply uidListing(List<String> lines) {
        return new Reply(true, "unique-id listing follows", new Lines(lines));
    }

    /**
     * The CAPA listing (RFC 2449 section 6). USER is listed only when a plaintext login would be
     * accepted now, STLS only when it can be used now.
     */
    static Reply capabilities(boolean user, boolean stls) {
        List<String> caps = new ArrayList<>(List.of("TOP", "UIDL"));
        if (user) {
            caps.add("USER");
        }
        caps.addAll(List.of("RESP-CODES", "AUTH-RESP-CODE", "PIPELINING"));
        if (stls) {
            caps.add("STLS");
        }
        caps.add("IMPLEMENTATION Mailboat");
        return new Reply(true, "capability list follows", new Lines(caps));
    }

    static Reply message(long size, MessageSource source) {
        return new Reply(true, size + " octets", new Message(source, Integer.MAX_VALUE));
    }

    static Reply top(MessageSource source, int bodyLines) {
        return new Reply(true, "top of message follows", new Message(source, bodyLines));
    }

    static Reply deleted(int n) {
        return ok("message " + n + " deleted");
    }

    static Reply alreadyDeleted(int n) {
        return err("message " + n + " already deleted");
    }

    /** The status line as sent, without CRLF. */
    String statusLine() {
        String status = ok ? "+OK" : "-ERR";
        return text.isEmpty() ? status : status + " " + text;
    }

    /** Queues the reply on {@code c} without flushing. */
    void writeTo(Connection c) throws IOException {
        c.queue(statusLine());
        switch (body) {
            case null -> {
            }
            case Lines l -> {
                for (String line : l.lines()) {
                    c.queue(line.startsWith(".") ? "." + line : line);
                }
                c.queue(".");
            }
            case Message m -> writeMessage(c, m);
        }
    }

    private static void writeMessage(Connection c, Message m) throws IOException {
        DotStuffingWriter w = new DotStuffingWriter(c.out(), m.bodyLines());
        long offset = 0;
        long chunks = 0;
        while (!w.done()) {
            if (chunks++ == MAX_CHUNKS) {
                throw new IOException("a message longer than " + MAX_CHUNKS + " chunks of " + CHUNK + " octets");
            }
            byte[] chunk = m.source().read(offset, CHUNK);
            if (chunk.length == 0) {
                break;
            }
            w.write(chunk);
            offset += chunk.length;
        }
        w.finish();
    }
}
