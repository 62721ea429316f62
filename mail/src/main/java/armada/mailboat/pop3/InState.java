package armada.mailboat.pop3;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/** Lets the verb run only in the given session states; elsewhere the reply is "not valid in this state". */
record InState<C extends Pop3Command>(Set<State> states, Verb<C> verb) implements Verb<C> {

    static final Set<State> AUTHORIZATION = EnumSet.of(State.AUTHORIZATION);
    static final Set<State> TRANSACTION = EnumSet.of(State.TRANSACTION);
    static final Set<State> ANY = EnumSet.of(State.AUTHORIZATION, State.TRANSACTION);

    InState {
        states = Set.copyOf(EnumSet.copyOf(states));
    }

    static <C extends Pop3Command> Verb<C> authorization(Verb<C> verb) {
        return new InState<>(AUTHORIZATION, verb);
    }

    static <C extends Pop3Command> Verb<C> transaction(Verb<C> verb) {
        return new InState<>(TRANSACTION, verb);
    }

    static <C extends Pop3Command> Verb<C> any(Verb<C> verb) {
        return new InState<>(ANY, verb);
    }

    @Override
    public Reply execute(Pop3Session session, C command) throws IOException {
        return states.contains(session.state()) ? verb.execute(session, command) : Reply.WRONG_STATE;
    }
}
