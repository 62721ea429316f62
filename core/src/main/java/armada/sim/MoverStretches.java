package armada.sim;

import armada.spec.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The reduction from checked movers for one layer in one execution (Lipton's reduction, CSPEC
 * sections 4 and 6.1): a thread's consecutive calls of the layer of the form right* [non] left*
 * run as one atomic step. A call is <em>glued</em> to the same thread's previous call when
 *
 * <ul>
 *   <li>the thread's last step was its previous call of this layer, which completed (no other
 *       step of the thread came between: a memory cell, a disk, the file system, a random value,
 *       an invoke or a return, a spinner's wait, a disabled attempt, each ends the stretch, so
 *       the calls glued are those of one client operation with nothing shared between them); and
 *   <li>every call of the stretch so far was a right mover where it ran (the call is then glued
 *       whatever it is: a right mover keeps the stretch in its right phase, anything else
 *       commits it), or the stretch has committed and the call is a left mover where it is about
 *       to run, <em>and no crash can come any more in this execution</em>. A right mover whose
 *       change of the layer ended another thread's wait (a spinner's, or a disabled call's) ends
 *       the right phase instead: it enabled that thread's next step, and a right mover moved
 *       later must leave every other step as enabled as it was.
 * </ul>
 *
 * <p>At the scheduling point before a glued call no other thread's call of this layer is
 * offered (this object is the wait condition of every call's point, {@link #admits}); other
 * threads' steps that do not touch the layer are, since they commute with it. The call's own
 * outcomes are all offered, and so are the faults: <b>crash points are kept</b> inside a
 * stretch. This is sound for right movers: whatever a crash after a right mover and other
 * processes' calls observes, it observes after those calls and then the right mover, which the
 * reduced search runs with the crash in the same place. It is not for left movers: a crash
 * between the commit and a left mover may observe another process's call there that the
 * reduced order puts after the left mover, so left movers are glued only once no crash can
 * come (the machine's crash bound is used up and no crash invariant watches).
 *
 * <p>A glued call's footprint carries {@link Action#MOVED}: it races with nothing of another
 * thread but a crash, so the races of the whole stretch are found at its first call (which has
 * the same footprint) and reversed there, before the stretch. Mover kinds come from
 * {@link LayerMovers}, which uses a claim only in the states and for the calls it was checked
 * with.
 */
final class MoverStretches {

    private static final byte NONE = 0;
    private static final byte RIGHT = 1;
    private static final byte LEFT = 2;

    private final LayerMovers movers;
    private final int index;
    /** Per thread slot: the phase of the stretch its last completed call of the layer is in. */
    private final byte[] phase;
    /** The threads that called the layer, by slot (a thread waiting for the layer to change is one). */
    private final @Nullable SimThread[] callers;
    /** The thread waiting at the point of a glued call: no other thread may call the layer now. */
    private @Nullable SimThread owner;
    private boolean reported;

    MoverStretches(LayerMovers movers, int index, int maxThreads) {
        this.movers = movers;
        this.index = index;
        this.phase = new byte[maxThreads];
        this.callers = new SimThread[maxThreads];
    }

    /**
     * Before the scheduling point of {@code me}'s call {@code op} in {@code state}: whether it is
     * glued to {@code me}'s previous call (then the layer is closed to the other threads until
     * {@link #open}).
     */
    boolean glue(SimThread me, Object state, Op<?> op, boolean crashPossible) {
        long prev = me.pending;
        boolean afterCall = Action.kind(prev) == Action.LAYER && (Action.object(prev) & ~Action.MOVED) == index;
        byte p = phase[me.slot];
        if (!afterCall || p == NONE || (owner != null && owner != me)) {
            return false;
        }
        boolean glued = p == RIGHT || (!crashPossible && movers.classify(state, me.slot, op).left());
        if (glued) {
            owner = me;
            if (!reported) {
                reported = true;
                movers.glued();
            }
        }
        return glued;
    }

    /** After the point of a glued call (also when a crash or a stop ended it there). */
    void open() {
        owner = null;
    }

    /** Whether thread {@code t}'s call of this layer may run now. */
    boolean admits(SimThread t) {
        return owner == null || owner == t;
    }

    /**
     * Before {@code me}'s call changes the layer: the spin logs of the other threads waiting now
     * (a thread waiting for a change of something it read, the layer among them, or for a
     * disabled call to become enabled), so that {@link #completed} can tell whether the change
     * ended a wait.
     */
    List<SpinLog> waiting(SimThread me) {
        List<SpinLog> out = new ArrayList<>();
        for (SimThread t : callers) {
            if (t != null && t != me && t.live() && t.waitingOn instanceof SpinLog log && !log.changed()) {
                out.add(log);
            }
        }
        return out;
    }

    /**
     * {@code me}'s call {@code op} ran from {@code state} ({@code glued} or not): the phase its
     * stretch is in now. A call outside the claims' domain is reported, and is a non mover. A
     * call that ended another thread's wait ({@code waiting}: the logs {@link #waiting} gave
     * before it) does not keep the stretch in its right phase: it enabled a step of another
     * thread, which a right mover must not (moved later, it would leave that step disabled).
     */
    void completed(SimThread me, Object state, Op<?> op, boolean glued, List<SpinLog> waiting) {
        callers[me.slot] = me;
        LayerMovers.Kind kind = movers.classify(state, me.slot, op);
        if (kind == LayerMovers.Kind.UNCHECKED) {
            movers.unchecked(me.slot, op, state);
        }
        byte next = glued && phase[me.slot] == LEFT ? LEFT : kind.right() ? RIGHT : LEFT;
        if (next == RIGHT) {
            for (SpinLog log : waiting) {
                if (log.changed()) {
                    next = NONE;
                    break;
                }
            }
        }
        phase[me.slot] = next;
    }

    /** {@code me}'s attempt found the call disabled: the thread waits, and its stretch ends. */
    void disabled(SimThread me) {
        callers[me.slot] = me;
        phase[me.slot] = NONE;
    }

    /** A crash: every thread's stretch ends with it. */
    void crashed() {
        owner = null;
        Arrays.fill(phase, NONE);
    }

    @Override
    public String toString() {
        return "the end of " + (owner == null ? "a" : owner.name + "'s") + " stretch of calls glued by the mover reduction";
    }
}
