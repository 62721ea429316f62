package armada.check;

import static armada.check.HistoryBuilder.history;
import static org.assertj.core.api.Assertions.assertThat;

import armada.check.CheckResult.Explained;
import armada.check.CheckResult.Unexplained;
import armada.check.Registers.Read;
import armada.check.Registers.Write;
import armada.spec.Unit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The incremental form: one event at a time, as during exploration. */
class CheckSessionTest {

    private final RefinementChecker<Integer> checker = new RefinementChecker<>(Registers.register());

    private static List<Boolean> acceptAll(CheckSession<?> session, List<Event> history) {
        List<Boolean> answers = new ArrayList<>();
        for (Event e : history) {
            answers.add(session.accept(e));
        }
        return answers;
    }

    @Test
    void violation_acceptTurnsFalseAtItsEventAndStaysFalse() {
        // The stale read at event 3 is the first event nothing explains; everything after it is
        // still unexplained, because a prefix without a linearization has no extension with one.
        var h = history()
                .call(0, new Write(1), Unit.UNIT)
                .call(1, new Read(), 0)
                .call(1, new Read(), 1)
                .build();
        CheckSession<Integer> session = checker.start();

        assertThat(acceptAll(session, h)).containsExactly(true, true, true, false, false, false);
        assertThat(session.result()).isInstanceOfSatisfying(Unexplained.class,
                u -> assertThat(u.eventIndex()).isEqualTo(3));
        assertThat(session.events()).isEqualTo(6);
    }

    @Test
    void resultOfAPrefix_isTheVerdictForThePrefixAlone() {
        // Before the bad read returns, the prefix is explained; result() may be asked at any time
        // and the session goes on.
        CheckSession<Integer> session = checker.start();
        session.accept(new Event.Invoke(0, 0, new Write(1)));
        session.accept(new Event.Return(0, 0, Unit.UNIT));
        session.accept(new Event.Invoke(1, 1, new Read()));

        assertThat(session.result()).isEqualTo(new Explained(false));
        assertThat(session.accept(new Event.Return(1, 1, 0))).isFalse();
        assertThat(session.result()).isInstanceOf(Unexplained.class);
    }

    @Test
    void historyEndingInsideACrashEpisode_isCheckedAsFarAsItGoes() {
        // Recovery has not completed, so no crash step is taken yet; what is there is explained.
        var h = history().call(0, new Write(1), Unit.UNIT).invoke(1, new Write(2)).crash().build();
        CheckSession<Integer> session = checker.start();

        assertThat(acceptAll(session, h)).containsOnly(true);
        assertThat(session.result()).isEqualTo(new Explained(false));
    }

    @Test
    void afterUndefinedBehaviour_everyEventIsAccepted() {
        // Once the spec's undefined behaviour is reachable, refinement is vacuous from there on.
        var ub = new RefinementChecker<>(Registers.unsetIsUndefined());
        var h = history().call(0, new Read(), 1).call(0, new Read(), 2).crash().recovered().call(0, new Read(), 3).build();
        CheckSession<Integer> session = ub.start();

        assertThat(acceptAll(session, h)).containsOnly(true);
        assertThat(session.result()).isEqualTo(new Explained(true));
    }

    @Test
    void sessionAndWholeHistoryCheck_agree() {
        // check() is the session run over the whole history, so the two give the same verdict.
        var h = history()
                .invoke(0, new Write(1))
                .call(1, new Read(), 1)
                .crash().recovered()
                .call(1, new Read(), 0)
                .build();
        CheckSession<Integer> session = checker.start();
        acceptAll(session, h);

        assertThat(session.result()).isEqualTo(checker.check(h)).isInstanceOf(Unexplained.class);
    }
}
