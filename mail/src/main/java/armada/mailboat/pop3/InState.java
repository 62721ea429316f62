package armada.mailboat.pop3;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/** Lets the verb run only in the given session states; elsewhere the reply is "not valid in this state". */
record InState(Set<State> states, Verb verb) implements Verb {

    InState {
        states = Set.copyOf(EnumSet.copyOf(states));
    }

    static Verb authorization(Verb verb) {
        return new InState(EnumSet.of(State.AUTHORIZATION), verb);
    }

    static Verb transaction(Verb verb) {
        return new InState(EnumSet.of(State.TRANSACTION), verb);
    }

    static Verb any(Verb verb) {
        return new InState(EnumSet.of(State.AUTHORIZATION, State.TRANSACTION), verb);
    }

    @Override
    public Reply execute(Pop3Session session, Pop3Command command) throws IOException {
        return states.contains(session.state()) ? verb.execute(session, command) : Reply.WRONG_STATE;
    }
}
