package armada.mailboat.pop3;

/** NOOP: does nothing, says +OK. */
final class NoopVerb implements Verb {

    @Override
    public Reply execute(Pop3Session session, Pop3Command command) {
        return Reply.OK;
    }
}
