package armada.check;

import armada.spec.Op;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The operations invoked and not yet returned (or dropped at the end of a crash episode), each in
 * a numbered slot, and the rules a well-formed history follows. A broken rule is an
 * {@link IllegalArgumentException} naming the event.
 */
final class PendingOps {

    private static final int MAX_SLOTS = Long.SIZE;

    private Event.@Nullable Invoke[] invokes = new Event.Invoke[4];
    private @Nullable Op<?>[] ops = new Op<?>[4];
    /** Slots in use. */
    private long used;
    /** Slots whose thread was stopped by a crash of the current episode. */
    private long crashed;
    private boolean inEpisode;

    /** The pending operations as a value: per slot in use, its thread and operation (not its id). */
    Object stateKey() {
        java.util.List<Object> out = new java.util.ArrayList<>();
        out.add(used);
        out.add(crashed);
        out.add(inEpisode);
        for (long bits = used; bits != 0; bits &= bits - 1) {
            Event.Invoke e = invoke(Long.numberOfTrailingZeros(bits));
            out.add(e.thread());
            out.add(e.op());
        }
        return out;
    }

    /** An independent copy. */
    PendingOps copy() {
        PendingOps p = new PendingOps();
        p.invokes = invokes.clone();
        p.ops = ops.clone();
        p.used = used;
        p.crashed = crashed;
        p.inEpisode = inEpisode;
        return p;
    }

    /** Slots in use, as a bit mask. */
    long mask() {
        return used;
    }

    /** The operations by slot; entries outside {@link #mask()} are stale. */
    @Nullable Op<?>[] ops() {
        return ops;
    }

    Event.Invoke invoke(int slot) {
        return Objects.requireNonNull(invokes[slot]);
    }

    /** True between a crash and the end of its recovery. */
    boolean inEpisode() {
        return inEpisode;
    }

    /** Records an invocation and returns its slot. */
    int invoke(int at, Event.Invoke e) {
        if (inEpisode) {
            throw malformed(at, e, "an operation is invoked during a crash episode (after a crash, before recovery completed)");
        }
        for (long bits = used; bits != 0; bits &= bits - 1) {
            Event.Invoke other = invoke(Long.numberOfTrailingZeros(bits));
            if (other.thread() == e.thread()) {
                throw malformed(at, e, "t" + e.thread() + " already has a pending operation, #" + other.opId() + " " + other.op());
            }
            if (other.opId() == e.opId()) {
                throw malformed(at, e, "operation id #" + e.opId() + " is already pending (invoked by t" + other.thread() + ")");
            }
        }
        if (used == -1L) {
            throw malformed(at, e, "more than " + MAX_SLOTS + " operations pending at once");
        }
        int slot = Long.numberOfTrailingZeros(~used);
        if (slot >= ops.length) {
            int size = Math.min(MAX_SLOTS, ops.length * 2);
            ops = Arrays.copyOf(ops, size);
            invokes = Arrays.copyOf(invokes, size);
        }
        ops[slot] = e.op();
        invokes[slot] = e;
        used |= 1L << slot;
        return slot;
    }

    /** Finds the slot of the operation that returns; it stays in use until {@link #free}. */
    int returning(int at, Event.Return e) {
        for (long bits = used; bits != 0; bits &= bits - 1) {
            int slot = Long.numberOfTrailingZeros(bits);
            Event.Invoke inv = invoke(slot);
            if (inv.opId() != e.opId()) {
                continue;
            }
            if (inv.thread() != e.thread()) {
                throw malformed(at, e, "operation #" + e.opId() + " was invoked by t" + inv.thread() + ", not t" + e.thread());
            }
            if ((crashed & (1L << slot)) != 0) {
                throw malformed(at, e, "t" + e.thread() + "'s operation #" + e.opId() + " " + inv.op()
                        + " was stopped by a crash and cannot return");
            }
            return slot;
        }
        throw malformed(at, e, "operation #" + e.opId() + " has no pending invocation");
    }

    void free(int slot) {
        used &= ~(1L << slot);
        ops[slot] = null;
        invokes[slot] = null;
    }

    /** A crash: every pending operation stops. Returns the slots stopped by this crash. */
    long crash() {
        inEpisode = true;
        long stopped = used & ~crashed;
        crashed = used;
        return stopped;
    }

    /** Recovery completed: the episode's pending operations are gone for good. */
    void recover(int at, Event e) {
        if (!inEpisode) {
            throw malformed(at, e, "recovery completed without a crash before it");
        }
        inEpisode = false;
        crashed = 0;
        used = 0;
        Arrays.fill(ops, null);
        Arrays.fill(invokes, null);
    }

    private static IllegalArgumentException malformed(int at, Event e, String why) {
        return new IllegalArgumentException("malformed history at event " + at + " (" + e + "): " + why);
    }
}
