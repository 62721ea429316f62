package armada.mailboat.pop3;

import java.io.IOException;

/** Lets the verb run only with {@code min} to {@code max} arguments; otherwise "syntax error". */
record Arity(int min, int max, Verb verb) implements Verb {

    static Verb none(Verb verb) {
        return new Arity(0, 0, verb);
    }

    static Verb optional(Verb verb) {
        return new Arity(0, 1, verb);
    }

    static Verb exactly(int n, Verb verb) {
        return new Arity(n, n, verb);
    }

    /** At least one argument, any number of spaces in it (PASS). */
    static Verb rest(Verb verb) {
        return new Arity(1, Integer.MAX_VALUE, verb);
    }

    @Override
    public Reply execute(Pop3Session session, Pop3Command command) throws IOException {
        int n = command.args().size();
        return n >= min && n <= max ? verb.execute(session, command) : Reply.SYNTAX;
    }
}
