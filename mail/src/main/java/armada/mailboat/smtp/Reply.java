package armada.mailboat.smtp;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An SMTP reply (RFC 5321 section 4.2): a three-digit code, an enhanced status code (RFC 3463,
 * RFC 2034) and one or more lines of text. Every reply the server sends is made by one of the
 * factories here, so the codes can be read in one place.
 *
 * <p>The greeting, the replies to HELO and EHLO, and the 354 intermediate reply carry no
 * enhanced code, as RFC 2034 section 3 allows; every other reply does.
 *
 * @param code the reply code, 200 to 599
 * @param enhanced the enhanced status code, such as {@code 5.1.1}, or null for none
 * @param lines the text, one element per reply line, never empty
 */
public record Reply(int code, @Nullable String enhanced, List<String> lines) {

    public Reply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("a reply code is 200 to 599, not " + code);
        }
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply has at least one line");
        }
    }

    private static Reply of(int code, String enhanced, String text) {
        return new Reply(code, enhanced, List.of(text));
    }

    /** True for a 4xx or 5xx reply: it counts towards the session's error limit. */
    public boolean isError() {
        return code >= 400;
    }

    /** The reply as it goes on the wire, one string per line, without the CRLF. */
    public List<String> render() {
        List<String> out = new ArrayList<>(lines.size());
        String prefix = enhanced == null ? "" : enhanced + " ";
        for (int i = 0; i < lines.size(); i++) {
            char sep = i == lines.size() - 1 ? ' ' : '-';
            out.add(code + Character.toString(sep) + prefix + lines.get(i));
        }
        return out;
    }

    // ---- connection and greeting

    public static Reply greeting(String hostname) {
        return new Reply(220, null, List.of(hostname + " ESMTP Mailboat"));
    }

    public static Reply ehlo(String hostname, String client, List<String> extensions) {
        List<String> all = new ArrayList<>();
        all.add(hostname + " greets " + client);
        all.addAll(extensions);
        return new Reply(250, null, all);
    }

    public static Reply helo(String hostname) {
        return new Reply(250, null, List.of(hostname));
    }

    public static Reply bye(String hostname) {
        return of(221, "2.0.0", hostname + " closing connection");
    }

    public static Reply readyForTls() {
        return of(220, "2.0.0", "ready to start TLS");
    }

    // ---- success

    public static Reply ok() {
        return of(250, "2.0.0", "OK");
    }

    public static Reply senderOk() {
        return of(250, "2.1.0", "sender OK");
    }

    public static Reply recipientOk() {
        return of(250, "2.1.5", "recipient OK");
    }

    public static Reply cannotVerify() {
        return of(252, "2.0.0", "cannot VRFY user, but will accept a message and attempt delivery");
    }

    public static Reply startData() {
        return new Reply(354, null, List.of("end data with <CR><LF>.<CR><LF>"));
    }

    public static Reply delivered(int recipients) {
        return of(250, "2.0.0", "message delivered to " + recipients + (recipients == 1 ? " recipient" : " recipients"));
    }

    // ---- the session ends

    public static Reply tooManyErrors() {
        return of(421, "4.7.0", "too many errors");
    }

    /** For the listener's busy line: {@code Reply.busy().render().getFirst()}. */
    public static Reply busy() {
        return of(421, "4.3.2", "too busy, try again later");
    }

    /** To a client whose address has as many connections as it may have. */
    public static Reply tooManyFromClient() {
        return of(421, "4.7.0", "too many connections from your address, try again later");
    }

    /** To open sessions when the server shuts down (RFC 5321 3.8). */
    public static Reply shuttingDown() {
        return of(421, "4.3.2", "service shutting down, try again later");
    }

    public static Reply idleTimeout() {
        return of(421, "4.4.2", "idle timeout");
    }

    // ---- transient failures

    public static Reply tooManyRecipients() {
        return of(452, "4.5.3", "too many recipients");
    }

    /** A delivery threw: names the recipient it failed for and those that already have their copy. */
    public static Reply deliveryFailed(String failed, List<String> delivered) {
        String text = "delivery failed for <" + failed + ">";
        if (!delivered.isEmpty()) {
            text += "; already delivered to <" + String.join(">, <", delivered) + ">";
        }
        return of(451, "4.3.0", text);
    }

    /** The recipient's mailbox is over its quota now; its owner can make room (RFC 3463 4.2.2). */
    public static Reply mailboxFull(String address) {
        return of(452, "4.2.2", "<" + address + ">: mailbox full, try again later");
    }

    /** The file system is full (RFC 3463 4.3.1); nothing was stored, and no partial file is left. */
    public static Reply insufficientStorage() {
        return of(452, "4.3.1", "insufficient system storage, try again later");
    }

    // ---- authentication (RFC 4954)

    public static Reply authChallenge(String base64) {
        return new Reply(334, null, List.of(base64));
    }

    public static Reply authenticated() {
        return of(235, "2.7.0", "authentication successful");
    }

    public static Reply authFailed() {
        return of(535, "5.7.8", "authentication credentials invalid");
    }

    public static Reply authCancelled() {
        return of(501, "5.0.0", "authentication cancelled");
    }

    public static Reply authNotBase64() {
        return of(501, "5.5.2", "cannot decode the response (base64)");
    }

    public static Reply authMechanism() {
        return of(504, "5.5.4", "unrecognized authentication mechanism (PLAIN and LOGIN are)");
    }

    /** AUTH before STARTTLS: RFC 4954 section 4. */
    public static Reply encryptionRequired() {
        return of(538, "5.7.11", "encryption required for requested authentication mechanism");
    }

    /** MAIL on the submission service before AUTH (RFC 4954 section 6). */
    public static Reply authRequired() {
        return of(530, "5.7.0", "authentication required");
    }

    // ---- command errors

    public static Reply unknownCommand() {
        return of(500, "5.5.1", "unknown command");
    }

    /** A command line over 512 octets; also a text line over 1000 octets in DATA. */
    public static Reply lineTooLong() {
        return of(500, "5.5.2", "line too long");
    }

    public static Reply syntax(String why) {
        return of(501, "5.5.4", why);
    }

    public static Reply notImplemented() {
        return of(502, "5.5.1", "command not implemented");
    }

    public static Reply badSequence(String why) {
        return of(503, "5.5.1", why);
    }

    public static Reply unknownParameter(String parameter) {
        return of(555, "5.5.4", "parameter not recognized: " + parameter);
    }

    public static Reply tlsRequired() {
        return of(530, "5.7.0", "must issue a STARTTLS command first");
    }

    // ---- refused mail

    public static Reply unknownUser(String address) {
        return of(550, "5.1.1", "<" + address + ">: unknown user");
    }

    public static Reply relayDenied() {
        return of(550, "5.7.1", "relaying denied");
    }

    public static Reply bareNewline() {
        return of(550, "5.6.0", "bare LF or CR in message");
    }

    /** The message alone is bigger than the recipient's whole quota: it can never fit (RFC 3463 5.2.2). */
    public static Reply overQuota(String address) {
        return of(552, "5.2.2", "<" + address + ">: message exceeds the mailbox quota");
    }

    public static Reply messageTooBig() {
        return of(552, "5.3.4", "message too big");
    }
}
