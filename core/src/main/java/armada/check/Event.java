package armada.check;

import armada.spec.Op;

/**
 * One event of a history: an operation's invocation or return, a crash, or the completion of
 * recovery (where the spec takes its one crash step for the whole crash episode).
 */
public sealed interface Event {

    /** Thread {@code thread} invokes operation number {@code opId} (unique in the history). */
    record Invoke(int thread, int opId, Op<?> op) implements Event {
        @Override
        public String toString() {
            return "t" + thread + " invoke " + op;
        }
    }

    /** Operation {@code opId}, invoked by {@code thread}, returns {@code result}. */
    record Return(int thread, int opId, Object result) implements Event {
        @Override
        public String toString() {
            return "t" + thread + " return " + Values.show(result);
        }
    }

    /**
     * The machine crashes (the {@code number}th crash of the execution, from 1). Every pending
     * operation stops running; it may still take effect until the episode's recovery completes.
     */
    record Crash(int number) implements Event {
        @Override
        public String toString() {
            return "crash " + number;
        }
    }

    /** Recovery completed: the crash episode ends with exactly one spec crash step. */
    record Recovered() implements Event {
        @Override
        public String toString() {
            return "recovered";
        }
    }
}
