package armada.mailboat.pop3;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The command table: each command record goes to its verb inside its decorators (the states it
 * is valid in, then TLS-before-login). A malformed line with a known keyword is judged by the
 * same rules first, so {@code RETR x} before login is "not valid in this state", and after it
 * "invalid number". Immutable and shared by all sessions.
 */
final class Verbs {

    private static final Map<String, Set<State>> STATES = Map.ofEntries(
            Map.entry("USER", InState.AUTHORIZATION), Map.entry("PASS", InState.AUTHORIZATION),
            Map.entry("STLS", InState.AUTHORIZATION), Map.entry("CAPA", InState.ANY), Map.entry("QUIT", InState.ANY),
            Map.entry("STAT", InState.TRANSACTION), Map.entry("LIST", InState.TRANSACTION),
            Map.entry("UIDL", InState.TRANSACTION), Map.entry("RETR", InState.TRANSACTION),
            Map.entry("TOP", InState.TRANSACTION), Map.entry("DELE", InState.TRANSACTION),
            Map.entry("RSET", InState.TRANSACTION), Map.entry("NOOP", InState.TRANSACTION));

    private final Verb<Pop3Command.User> user = login("USER", new UserVerb());
    private final Verb<Pop3Command.Pass> pass = login("PASS", new PassVerb());
    private final Verb<Pop3Command.Stls> stls = in("STLS", new StlsVerb());
    private final Verb<Pop3Command.Capa> capa = in("CAPA", new CapaVerb());
    private final Verb<Pop3Command.Quit> quit = in("QUIT", new QuitVerb());
    private final Verb<Pop3Command.Stat> stat = in("STAT", new StatVerb());
    private final Verb<Pop3Command.List> list = in("LIST", new ListVerb());
    private final Verb<Pop3Command.Uidl> uidl = in("UIDL", new UidlVerb());
    private final Verb<Pop3Command.Retr> retr = in("RETR", new RetrVerb());
    private final Verb<Pop3Command.Top> top = in("TOP", new TopVerb());
    private final Verb<Pop3Command.Dele> dele = in("DELE", new DeleVerb());
    private final Verb<Pop3Command.Rset> rset = in("RSET", new RsetVerb());
    private final Verb<Pop3Command.Noop> noop = in("NOOP", new NoopVerb());
    private final Verb<Pop3Command.Malformed> malformed = this::malformed;

    private static <C extends Pop3Command> Verb<C> in(String keyword, Verb<C> verb) {
        return new InState<>(java.util.Objects.requireNonNull(STATES.get(keyword), keyword), verb);
    }

    private static <C extends Pop3Command> Verb<C> login(String keyword, Verb<C> verb) {
        return in(keyword, new TlsFirst<>(verb));
    }

    Reply dispatch(Pop3Session session, Pop3Command command) throws IOException {
        return switch (command) {
            case Pop3Command.User c -> user.execute(session, c);
            case Pop3Command.Pass c -> pass.execute(session, c);
            case Pop3Command.Stls c -> stls.execute(session, c);
            case Pop3Command.Capa c -> capa.execute(session, c);
            case Pop3Command.Quit c -> quit.execute(session, c);
            case Pop3Command.Stat c -> stat.execute(session, c);
            case Pop3Command.List c -> list.execute(session, c);
            case Pop3Command.Uidl c -> uidl.execute(session, c);
            case Pop3Command.Retr c -> retr.execute(session, c);
            case Pop3Command.Top c -> top.execute(session, c);
            case Pop3Command.Dele c -> dele.execute(session, c);
            case Pop3Command.Rset c -> rset.execute(session, c);
            case Pop3Command.Noop c -> noop.execute(session, c);
            case Pop3Command.Unknown c -> Reply.UNKNOWN_COMMAND;
            case Pop3Command.Malformed c -> malformed.execute(session, c);
        };
    }

    /** A bad line: a known keyword's state and TLS rules come first, then what was wrong with it. */
    private Reply malformed(Pop3Session session, Pop3Command.Malformed c) throws IOException {
        Verb<Pop3Command.Malformed> problem = (s, m) -> m.problem() == Pop3Command.Problem.INVALID_NUMBER
                ? Reply.INVALID_NUMBER : Reply.SYNTAX;
        Set<State> states = STATES.get(c.keyword());
        if (states == null) {
            return problem.execute(session, c);
        }
        Verb<Pop3Command.Malformed> judged = c.keyword().equals("USER") || c.keyword().equals("PASS")
                ? new TlsFirst<>(problem) : problem;
        return new InState<>(states, judged).execute(session, c);
    }
}
