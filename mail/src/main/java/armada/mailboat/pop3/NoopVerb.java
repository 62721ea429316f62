package armada.mailboat.pop3;

/** NOOP: does nothing, says +OK. */
final class NoopVerb implements Verb<Pop3Command.Noop> {

    @Override
    public Reply execute(Pop3Session session, Pop3Command.Noop command) {
        return Reply.OK;
    }
}
