package armada.mailboat.pop3;

import java.io.IOException;

/**
 * What one POP3 command does with its parsed record. Each verb is its own class and does only
 * its own work; which states it is valid in and whether it needs TLS first are decorators
 * around it ({@link InState}, {@link TlsFirst}), put together in {@link Verbs}.
 *
 * @param <C> the command record the verb handles
 */
@FunctionalInterface
interface Verb<C extends Pop3Command> {

    /** Acts on the session and returns the reply to send. */
    Reply execute(Pop3Session session, C command) throws IOException;
}
