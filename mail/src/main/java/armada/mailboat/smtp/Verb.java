package armada.mailboat.smtp;

import java.io.IOException;

/**
 * What one SMTP verb does with its parsed command. A verb acts on the session and returns the
 * reply; the session sends it (queued while the client pipelines). Conditions that do not
 * belong to the verb itself (the session state, TLS) are decorators around it.
 *
 * @param <C> the command record the verb handles
 */
@FunctionalInterface
interface Verb<C extends SmtpCommand> {

    Reply handle(SmtpSession session, C command) throws IOException;
}
