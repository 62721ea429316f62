package armada.mailboat.pop3;

import java.io.IOException;

/**
 * One POP3 command. Each verb is its own class and does only its own work; which states it is
 * valid in, how many arguments it takes, and whether it needs TLS first are decorators around it
 * ({@link InState}, {@link Arity}, {@link TlsFirst}), put together in {@link Verbs}.
 */
interface Verb {

    /** Acts on the session and returns the reply to send. */
    Reply execute(Pop3Session session, Pop3Command command) throws IOException;
}
