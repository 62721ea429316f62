package armada.mailboat.smtp;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Refuses a verb in the states where RFC 5321 says it is out of sequence (503 5.5.1), with the
 * reply given for each such state, and hands it on otherwise.
 */
final class Sequenced<C extends SmtpCommand> implements Verb<C> {

    private final Verb<C> inner;
    private final Map<State, Reply> refusals;

    Sequenced(Verb<C> inner, Map<State, Reply> refusals) {
        this.inner = inner;
        this.refusals = refusals.isEmpty() ? Map.of() : new EnumMap<>(refusals);
    }

    @Override
    public Reply handle(SmtpSession session, C command) throws IOException {
        Reply refused = refusals.get(session.state());
        return refused != null ? refused : inner.handle(session, command);
    }
}
