package armada.sim;

import org.jspecify.annotations.Nullable;

/** One simulated thread of an execution, bound to a slot of the machine. */
final class SimThread {

    enum State { IDLE, READY, DONE }

    final int slot;
    String name = "";
    int historyId = -1;
    State state = State.IDLE;
    boolean killed;
    /** The pending step was already chosen when the thread was started (a client's first invoke). */
    boolean granted;
    /** This thread runs on slot 0's carrier (client 0 in the client phase), not on its worker. */
    volatile boolean onMain;
    /** The pending step: its footprint, and what decides whether it is enabled. */
    long pending;
    @Nullable Object waitingOn;
    int randomBound;
    int chosenValue;
    @Nullable Runnable body;
    @Nullable Thread carrier;
    int[] clock;
    /** What the thread read since its own last change: detects spinning. */
    final SpinLog spin = new SpinLog();
    /** Locks the thread holds now: a thread holding a lock is never blocked as a spinner. */
    int locksHeld;

    SimThread(int slot, int maxThreads) {
        this.slot = slot;
        this.clock = new int[maxThreads];
    }

    boolean live() {
        return state == State.READY;
    }

    /** Whether the pending step can happen now. */
    boolean enabled() {
        Object w = waitingOn;
        if (w == null) {
            return true;
        }
        if (w instanceof SimLock lock) {
            return lock.owner == null;
        }
        if (w instanceof SpinLog log) {
            return log.changed();
        }
        if (w instanceof MoverStretches stretches) {
            return stretches.admits(this);
        }
        return w instanceof SimTask task && task.thread.state != State.READY;
    }

    void reset(String newName, int newHistoryId, @Nullable Runnable newBody) {
        name = newName;
        historyId = newHistoryId;
        state = State.READY;
        killed = false;
        granted = false;
        pending = 0;
        waitingOn = null;
        randomBound = 0;
        chosenValue = 0;
        body = newBody;
        spin.clear();
        locksHeld = 0;
        java.util.Arrays.fill(clock, 0);
    }

    @Override
    public String toString() {
        return name;
    }
}
