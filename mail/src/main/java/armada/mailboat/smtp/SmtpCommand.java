package armada.mailboat.smtp;

import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One command line, parsed by {@link SmtpParser} before anything acts on it. The last three
 * records are the lines that are not a usable command; they carry what was wrong, not a reply.
 */
sealed interface SmtpCommand {

    /** {@code EHLO domain}: starts an extended session. */
    record Ehlo(String domain) implements SmtpCommand {
    }

    /** {@code HELO domain}: starts a session without extensions. */
    record Helo(String domain) implements SmtpCommand {
    }

    /** The body types of RFC 6152; 7BIT when the client names none. */
    enum Body {
        SEVEN_BIT, EIGHT_BIT_MIME
    }

    /**
     * {@code MAIL FROM:<reverse-path> [SIZE=n] [BODY=7BIT|8BITMIME]}.
     *
     * @param reversePath the address between the brackets, empty for the null reverse-path
     * @param size the declared size (RFC 1870), {@link Long#MAX_VALUE} if it overflows
     */
    record Mail(String reversePath, OptionalLong size, Body body) implements SmtpCommand {
    }

    /** {@code RCPT TO:<forward-path>}. */
    record Rcpt(Address forwardPath) implements SmtpCommand {
    }

    record Data() implements SmtpCommand {
    }

    record Rset() implements SmtpCommand {
    }

    record Noop() implements SmtpCommand {
    }

    record Quit() implements SmtpCommand {
    }

    /** {@code VRFY string}. */
    record Vrfy(String argument) implements SmtpCommand {
    }

    /** {@code STARTTLS} (RFC 3207). */
    record StartTls() implements SmtpCommand {
    }

    /**
     * {@code AUTH mechanism [initial-response]} (RFC 4954).
     *
     * @param mechanism in upper case
     * @param initialResponse the base64 text after the mechanism ({@code =} for an empty one), or null
     */
    record Auth(String mechanism, @Nullable String initialResponse) implements SmtpCommand {
    }

    /** A verb the server does not know. */
    record Unknown(String verb) implements SmtpCommand {
    }

    /** A known verb with arguments that do not parse. */
    record Malformed(String verb, String why) implements SmtpCommand {
    }

    /** A well-formed MAIL or RCPT with a parameter the server does not implement (RFC 5321 4.1.1.11). */
    record UnknownParameter(String verb, String parameter) implements SmtpCommand {
    }
}
