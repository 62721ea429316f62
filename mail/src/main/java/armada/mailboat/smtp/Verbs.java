package armada.mailboat.smtp;

import armada.mailboat.config.ServerConfig;
import armada.mailboat.io.MessageBuffer;
import armada.mailboat.store.Mailboxes;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The verb table: each command record goes to its verb, wrapped in the decorators that say
 * when it may run (the session state; TLS; authentication). Immutable and shared by all sessions
 * of a server. Lines that are no command get their error reply here: unknown verb 500 5.5.1, bad
 * arguments 501 5.5.4, unknown MAIL/RCPT parameter 555 5.5.4 (RFC 5321 4.1.1.11).
 */
final class Verbs {

    /** Which service the table is for. */
    enum Mode {
        /** Mail for local users from anyone (port 25); AUTH is not offered. */
        RELAY_IN,
        /** The same, refusing MAIL until STARTTLS. */
        RELAY_IN_TLS,
        /** Submission (RFC 6409): STARTTLS, then AUTH, then MAIL; still for local users only. */
        SUBMISSION
    }

    private final Verb<SmtpCommand.Ehlo> ehlo;
    private final Verb<SmtpCommand.Helo> helo;
    private final Verb<SmtpCommand.Mail> mail;
    private final Verb<SmtpCommand.Rcpt> rcpt;
    private final Verb<SmtpCommand.Data> data;
    private final Verb<SmtpCommand.Rset> rset = new RsetVerb();
    private final Verb<SmtpCommand.Noop> noop = new NoopVerb();
    private final Verb<SmtpCommand.Vrfy> vrfy = new VrfyVerb();
    private final Verb<SmtpCommand.Quit> quit;
    private final Verb<SmtpCommand.StartTls> startTls;
    private final Verb<SmtpCommand.Auth> auth;

    /** @throws IllegalArgumentException if the mode needs TLS and the configuration has no TLS context */
    Verbs(String service, ServerConfig config, Mailboxes mailboxes, Clock clock, Mode mode, MessageBuffer buffer) {
        SSLContext tls = config.tls();
        if (mode != Mode.RELAY_IN && tls == null) {
            throw new IllegalArgumentException("TLS cannot be required without a TLS context");
        }
        Reply greetFirst = Reply.badSequence("send HELO/EHLO first");
        Reply needMail = Reply.badSequence("need MAIL before RCPT");
        Reply needRcpt = Reply.badSequence("need RCPT before DATA");
        Reply nested = Reply.badSequence("nested MAIL command");
        Reply inTransaction = Reply.badSequence("mail transaction in progress");

        ehlo = new EhloVerb(config.hostname(), config.maxMessageSize(), tls != null, mode == Mode.SUBMISSION);
        helo = new HeloVerb(config.hostname());
        Verb<SmtpCommand.Mail> m = new Sequenced<>(new MailVerb(config.maxMessageSize(), buffer),
                Map.of(State.START, greetFirst, State.MAIL, nested, State.RCPT, nested));
        mail = switch (mode) {
            case RELAY_IN -> m;
            case RELAY_IN_TLS -> new TlsRequired<>(m, Reply.tlsRequired());
            case SUBMISSION -> new TlsRequired<>(new AuthRequired<>(m), Reply.tlsRequired());
        };
        rcpt = new Sequenced<>(new RcptVerb(mailboxes, config.domains(), config.maxRecipients()),
                Map.of(State.START, needMail, State.READY, needMail));
        data = new Sequenced<>(new DataVerb(new Delivery(service, mailboxes, clock, config.hostname()),
                config.maxMessageSize()), Map.of(State.START, needRcpt, State.READY, needRcpt, State.MAIL, needRcpt));
        quit = new QuitVerb(config.hostname());
        if (tls == null) {
            startTls = (session, command) -> Reply.notImplemented();
        } else {
            startTls = new PlaintextOnly<>(new Sequenced<>(new StartTlsVerb(tls),
                    Map.of(State.MAIL, inTransaction, State.RCPT, inTransaction)));
        }
        if (mode == Mode.SUBMISSION) {
            auth = new Sequenced<>(new TlsRequired<>(new AuthVerb(service, mailboxes.users(), config.authFailureDelay()),
                    Reply.encryptionRequired()), Map.of(State.START, greetFirst, State.MAIL, inTransaction,
                    State.RCPT, inTransaction));
        } else {
            auth = (session, command) -> Reply.notImplemented();
        }
    }

    Reply dispatch(SmtpSession session, SmtpCommand command) throws IOException {
        return switch (command) {
            case SmtpCommand.Ehlo c -> ehlo.handle(session, c);
            case SmtpCommand.Helo c -> helo.handle(session, c);
            case SmtpCommand.Mail c -> mail.handle(session, c);
            case SmtpCommand.Rcpt c -> rcpt.handle(session, c);
            case SmtpCommand.Data c -> data.handle(session, c);
            case SmtpCommand.Rset c -> rset.handle(session, c);
            case SmtpCommand.Noop c -> noop.handle(session, c);
            case SmtpCommand.Vrfy c -> vrfy.handle(session, c);
            case SmtpCommand.Quit c -> quit.handle(session, c);
            case SmtpCommand.StartTls c -> startTls.handle(session, c);
            case SmtpCommand.Auth c -> auth.handle(session, c);
            case SmtpCommand.Unknown c -> Reply.unknownCommand();
            case SmtpCommand.Malformed c -> Reply.syntax(c.why());
            case SmtpCommand.UnknownParameter c -> Reply.unknownParameter(c.parameter());
        };
    }
}
