package armada.mailboat.smtp;

import armada.mailboat.log.MailLog;
import armada.mailboat.users.UserStore;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * AUTH (RFC 4954) with the mechanisms PLAIN (RFC 4616) and LOGIN, against the users of the
 * mail server: the same password store as POP3. A client may authenticate once per connection;
 * a wrong user or password gets {@code 535 5.7.8} after the configured pause, whichever it was,
 * and {@code *} cancels ({@code 501 5.0.0}). Each attempt is logged ({@link MailLog#auth}).
 * That AUTH needs TLS, and may not come before EHLO or inside a transaction, is said by
 * decorators in {@link Verbs}.
 */
final class AuthVerb implements Verb<SmtpCommand.Auth> {

    /** RFC 4954 section 4: a response line may be 12288 octets long. */
    static final int MAX_RESPONSE_LINE = 12288;

    private final String service;
    private final UserStore users;
    private final Duration failureDelay;

    AuthVerb(String service, UserStore users, Duration failureDelay) {
        this.service = service;
        this.users = users;
        this.failureDelay = failureDelay;
    }

    /** What a mechanism got from the client: a user and password, or the reply that ends the exchange. */
    private record Credentials(@Nullable String user, char @Nullable [] password, @Nullable Reply refusal) {
        static Credentials refused(Reply reply) {
            return new Credentials(null, null, reply);
        }
    }

    @Override
    public Reply handle(SmtpSession session, SmtpCommand.Auth command) throws IOException {
        if (session.authenticated() != null) {
            return Reply.badSequence("already authenticated");
        }
        Credentials c = switch (command.mechanism()) {
            case "PLAIN" -> plain(session, command.initialResponse());
            case "LOGIN" -> login(session, command.initialResponse());
            default -> Credentials.refused(Reply.authMechanism());
        };
        if (c.refusal() != null) {
            return c.refusal();
        }
        String user = java.util.Objects.requireNonNull(c.user());
        char[] password = java.util.Objects.requireNonNull(c.password());
        boolean ok;
        try {
            ok = users.verify(user, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        MailLog.auth(service, session.connection().remote(), ok, command.mechanism(), user);
        if (!ok) {
            pause();
            return Reply.authFailed();
        }
        session.authenticate(user);
        return Reply.authenticated();
    }

    /** PLAIN: {@code [authzid] NUL authcid NUL passwd}, in one response; an authzid other than the user is refused. */
    private Credentials plain(SmtpSession session, @Nullable String initial) throws IOException {
        String response = initial != null ? initial : challenge(session, "");
        if (response.equals("*")) {
            return Credentials.refused(Reply.authCancelled());
        }
        byte[] decoded = decode(response);
        if (decoded == null) {
            return Credentials.refused(Reply.authNotBase64());
        }
        String text = new String(decoded, StandardCharsets.UTF_8);
        String[] parts = text.split("\u0000", -1);
        Arrays.fill(decoded, (byte) 0);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Credentials.refused(Reply.syntax("PLAIN wants [authzid] NUL user NUL password"));
        }
        if (!parts[0].isEmpty() && !parts[0].equals(parts[1])) {
            // Acting as another user is not offered: the authorization identity must be the user's own.
            return Credentials.refused(Reply.authFailed());
        }
        return new Credentials(parts[1], parts[2].toCharArray(), null);
    }

    /** LOGIN: the user name, then the password, each in answer to its own challenge (or the name as initial response). */
    private Credentials login(SmtpSession session, @Nullable String initial) throws IOException {
        String first = initial != null ? initial : challenge(session, "VXNlcm5hbWU6");
        if (first.equals("*")) {
            return Credentials.refused(Reply.authCancelled());
        }
        byte[] user = decode(first);
        if (user == null) {
            return Credentials.refused(Reply.authNotBase64());
        }
        String second = challenge(session, "UGFzc3dvcmQ6");
        if (second.equals("*")) {
            return Credentials.refused(Reply.authCancelled());
        }
        byte[] password = decode(second);
        if (password == null) {
            return Credentials.refused(Reply.authNotBase64());
        }
        char[] chars = new String(password, StandardCharsets.UTF_8).toCharArray();
        Arrays.fill(password, (byte) 0);
        return new Credentials(new String(user, StandardCharsets.UTF_8), chars, null);
    }

    /** Sends {@code 334 challenge} and returns the client's response line. */
    private static String challenge(SmtpSession session, String base64) throws IOException {
        session.send(Reply.authChallenge(base64));
        var line = session.connection().in().read(MAX_RESPONSE_LINE);
        if (line == null) {
            throw new EOFException("the connection closed during AUTH");
        }
        return line.text().strip();
    }

    /** The decoded response ({@code =} is the empty one), or null if it is not base64. */
    private static byte @Nullable [] decode(String response) {
        if (response.equals("=")) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(response);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void pause() {
        try {
            Thread.sleep(failureDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
