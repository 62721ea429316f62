package armada.history;

import armada.check.Values;
import armada.spec.Op;
import org.jspecify.annotations.Nullable;

/**
 * One operation of a recorded history, with where it starts and ends (indices into the
 * history's events) and what became of it.
 *
 * @param index the operation's number in the history, from 0, in order of invocation
 * @param invokedAt the index of its invocation event
 * @param endedAt the index of its ok, fail or info event; -1 if none came
 * @param cutOffBy the number (from 1) of the crash that stopped it while it could run, 0 if none
 * @param startsAfterRecovery invoked during a crash episode: it can take effect only once that
 *     episode's recovery completed
 */
public record Operation(int index, int client, Op<?> op, Status status, @Nullable Object result, int invokedAt,
        int endedAt, int cutOffBy, boolean startsAfterRecovery) {

    /** What became of an operation. */
    public enum Status {
        /** It returned {@link #result()}: it took effect exactly once, between its invocation and its return. */
        OK,
        /** It certainly did not take effect. */
        FAILED,
        /** The client gave up on it: it may or may not have taken effect. */
        UNKNOWN,
        /** The history ends before it did: it may or may not have taken effect. */
        PENDING
    }

    /** Whether its result is known, so that the spec's step must produce it. */
    public boolean returned() {
        return status == Status.OK;
    }

    /** A short text: client, operation and outcome. */
    public String describe() {
        String end = switch (status) {
            case OK -> " -> " + Values.show(result);
            case FAILED -> " failed";
            case UNKNOWN -> " gave up (unknown)";
            case PENDING -> " never returned";
        };
        return "c" + client + " " + op + end + (cutOffBy > 0 ? " (cut off by crash " + cutOffBy + ")" : "");
    }
}
