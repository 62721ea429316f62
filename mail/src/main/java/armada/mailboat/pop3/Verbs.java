package armada.mailboat.pop3;

import static java.util.Map.entry;

import java.util.Map;

/**
 * The command table: each keyword's verb inside its decorators, outermost first: the states it
 * is valid in, then TLS-before-login, then its argument count.
 */
final class Verbs {

    private Verbs() {
    }

    static Map<String, Verb> table() {
        return Map.ofEntries(
                entry("USER", InState.authorization(new TlsFirst(Arity.exactly(1, new UserVerb())))),
                entry("PASS", InState.authorization(new TlsFirst(Arity.rest(new PassVerb())))),
                entry("STLS", InState.authorization(Arity.none(new StlsVerb()))),
                entry("CAPA", InState.any(Arity.none(new CapaVerb()))),
                entry("QUIT", InState.any(Arity.none(new QuitVerb()))),
                entry("STAT", InState.transaction(Arity.none(new StatVerb()))),
                entry("LIST", InState.transaction(Arity.optional(new ListVerb()))),
                entry("UIDL", InState.transaction(Arity.optional(new UidlVerb()))),
                entry("RETR", InState.transaction(Arity.exactly(1, new RetrVerb()))),
                entry("TOP", InState.transaction(Arity.exactly(2, new TopVerb()))),
                entry("DELE", InState.transaction(Arity.exactly(1, new DeleVerb()))),
                entry("RSET", InState.transaction(Arity.none(new RsetVerb()))),
                entry("NOOP", InState.transaction(Arity.none(new NoopVerb()))));
    }
}
