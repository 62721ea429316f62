package armada.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import armada.history.TestRegister.Read;
import armada.history.TestRegister.Write;
import armada.spec.Unit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What a well-formed recording is, and how the builder reads operations and episodes from one. */
class HistoryBuilderTest {

    private static void assertMalformedAt(int event, String text, Consumer<HistoryBuilder> events) {
        HistoryBuilder b = new HistoryBuilder();
        assertThatThrownBy(() -> events.accept(b)).isInstanceOfSatisfying(MalformedHistoryException.class, e -> {
            assertThat(e.event()).isEqualTo(event);
            assertThat(e.getMessage()).contains(text);
        });
    }

    @Test
    void returnWithoutInvocation_isMalformed() {
        assertMalformedAt(0, "no operation outstanding", b -> b.ok(0, 1));
    }

    @Test
    void twoOperationsOutstandingForOneClient_isMalformed() {
        assertMalformedAt(1, "still outstanding", b -> b.invoke(0, new Read()).invoke(0, new Read()));
    }

    @Test
    void returnOfAnOperationACrashStopped_isMalformed() {
        // The server that would answer it is gone; a retry is a new operation.
        assertMalformedAt(3, "crash 1 stopped it", b -> b.invoke(0, new Write(1)).crash().recovered().ok(0, Unit.UNIT));
    }

    @Test
    void returnDuringACrashEpisode_isMalformed() {
        assertMalformedAt(2, "during a crash episode", b -> b.crash().invoke(0, new Read()).ok(0, 0));
    }

    @Test
    void recoveryWithoutCrash_isMalformed() {
        assertMalformedAt(0, "without a crash", HistoryBuilder::recovered);
    }

    @Test
    void operationsAndEpisodes_areReadFromTheEvents() {
        // Crash 2 during recovery joins episode 1; A's write is cut off by crash 1, B's read was
        // invoked while down and starts after recovery, C gave up on a write that crash 3 stops.
        History h = new HistoryBuilder()
                .invoke(0, new Write(1))
                .crash()
                .invoke(1, new Read())
                .crash()
                .recovered()
                .ok(1, 0)
                .invoke(2, new Write(2)).info(2)
                .crash()
                .build();

        assertThat(h.episodes()).containsExactly(new Episode(java.util.List.of(1, 3), 1, 4), new Episode(java.util.List.of(8), 3, -1));
        Operation a = h.operations().get(0);
        Operation b = h.operations().get(1);
        Operation c = h.operations().get(2);
        assertThat(a.status()).isEqualTo(Operation.Status.PENDING);
        assertThat(a.cutOffBy()).isEqualTo(1);
        assertThat(b.startsAfterRecovery()).isTrue();
        assertThat(b.returned()).isTrue();
        assertThat(b.cutOffBy()).isZero();
        assertThat(c.status()).isEqualTo(Operation.Status.UNKNOWN);
        assertThat(c.cutOffBy()).isEqualTo(3);
    }
}
