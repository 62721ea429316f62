package armada.check;

import static armada.check.HistoryBuilder.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import armada.check.CheckResult.Explained;
import armada.check.Registers.Read;
import armada.check.Registers.Write;
import armada.spec.Unit;
import org.junit.jupiter.api.Test;

/** Histories no execution can produce are rejected with a message naming the event. */
class MalformedHistoryTest {

    private final RefinementChecker<Integer> checker = new RefinementChecker<>(Registers.register());

    @Test
    void returnWithoutInvoke_isRejected() {
        // Operation 5 was never invoked, so its return cannot be placed anywhere.
        var h = history().raw(new Event.Return(0, 5, 0)).build();

        assertThatThrownBy(() -> checker.check(h)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed history at event 0 (t0 return 0): operation #5 has no pending invocation");
    }

    @Test
    void secondReturnOfTheSameOperation_isRejected() {
        // An operation returns once; after that it is no longer pending.
        var h = history().call(0, new Read(), 0).raw(new Event.Return(0, 0, 0)).build();

        assertThatThrownBy(() -> checker.check(h)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event 2").hasMessageContaining("no pending invocation");
    }

    @Test
    void invokeByThreadWithPendingOperation_isRejected() {
        // A thread runs one operation at a time.
        var h = history().invoke(0, new Write(1)).invoke(0, new Read()).build();

        assertThatThrownBy(() -> checker.check(h)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed history at event 1 (t0 invoke R()): t0 already has a pending operation, #0 W(1)");
    }

    @Test
    void returnByAnotherThread_isRejected() {
        // The return names the operation and the thread; they must match the invocation.
        var h = history().invoke(0, new Read()).raw(new Event.Return(1, 0, 0)).build();

        assertThatThrownBy(() -> checker.check(h)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operation #0 was invoked by t0, not t1");
    }

    @Test
    void returnOfOperationStoppedByCrash_isRejected() {
        // A crash stops every running thread; its operation can no longer return.
        var h = history().invoke(0, new Write(1)).crash().ok(0).build();

        assertThatThrownBy(() -> checker.check(h)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event 2").hasMessageContaining("stopped by a crash");
    }

    @Test
    void invokeByThreadStoppedByCrash_beforeRecovery_isRejected() {
        // The stopped operation stays pending until the episode's recovery completes.
        var h = history().invoke(0, new Write(1)).crash().invoke(0, new Read()).build();

        assertThatThrownBy(() -> checker.check(h)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event 2");
    }

    @Test
    void invokeDuringCrashEpisode_isRejected() {
        // Client operations run before a crash or after recovery, never during recovery.
        var h = history().crash().invoke(1, new Read()).build();

        assertThatThrownBy(() -> checker.check(h)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("during a crash episode");
    }

    @Test
    void recoveredWithoutCrash_isRejected() {
        // A recovery completes a crash episode; with no crash there is no episode to end.
        var h = history().call(0, new Write(1), Unit.UNIT).recovered().build();

        assertThatThrownBy(() -> checker.check(h)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed history at event 2 (recovered): recovery completed without a crash before it");
    }

    @Test
    void threadStoppedByCrash_mayInvokeAgainAfterRecovery() {
        // After recovery the stopped operation is gone, so its thread is free again.
        var h = history().invoke(0, new Write(1)).crash().recovered().call(0, new Read(), 1).build();

        assertThat(checker.check(h)).isEqualTo(new Explained(false));
    }

    @Test
    void malformedEventAfterAViolation_isStillRejected() {
        // Well-formedness does not depend on the spec, so it is checked after a violation too.
        var h = history().call(0, new Read(), 9).raw(new Event.Return(0, 0, 0)).build();

        assertThatThrownBy(() -> checker.check(h)).isInstanceOf(IllegalArgumentException.class);
    }
}
