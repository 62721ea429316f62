package armada.history;

import armada.check.Values;
import armada.spec.Op;
import org.jspecify.annotations.Nullable;

/**
 * One event of a recorded history, in real-time order. A client has at most one operation
 * outstanding; its next {@link Ok}, {@link Fail} or {@link Indeterminate} ends it. The names are
 * Jepsen's: {@code ok} returned a result, {@code fail} certainly did not take effect, {@code info}
 * gave up without knowing (a timeout): the operation may or may not take effect.
 */
public sealed interface RecordedEvent {

    /** Client {@code client} invokes {@code op}. */
    record Invoke(int client, Op<?> op) implements RecordedEvent {
        @Override
        public String toString() {
            return "c" + client + " invoke " + op;
        }
    }

    /** Client {@code client}'s operation returned {@code result}. */
    record Ok(int client, @Nullable Object result) implements RecordedEvent {
        @Override
        public String toString() {
            return "c" + client + " ok " + Values.show(result);
        }
    }

    /** Client {@code client}'s operation failed: it certainly did not take effect. */
    record Fail(int client) implements RecordedEvent {
        @Override
        public String toString() {
            return "c" + client + " fail";
        }
    }

    /** Client {@code client} gave up on its operation (a timeout): it may or may not take effect. */
    record Indeterminate(int client) implements RecordedEvent {
        @Override
        public String toString() {
            return "c" + client + " info";
        }
    }

    /** The system crashed: every operation in flight stops (it may still take effect before recovery completes). */
    record Crash() implements RecordedEvent {
        @Override
        public String toString() {
            return "crash";
        }
    }

    /** Recovery completed: the crash episode ends with the spec's crash step. */
    record Recovered() implements RecordedEvent {
        @Override
        public String toString() {
            return "recovered";
        }
    }
}
