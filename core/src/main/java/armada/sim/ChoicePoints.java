package armada.sim;

import armada.check.Failure;
import armada.world.CrashInvariant;
import org.jspecify.annotations.Nullable;

/**
 * The scheduling points: before every step a simulated thread is about to take, the options
 * (each enabled thread, each value of a random call or outcome of a layer step, a crash, a disk
 * failure) are put to the {@link Scheduler}, and the baton goes to the thread chosen. Also stops
 * an execution (crash, failure, abandon) and tells a stuck one (deadlock, livelock) by its
 * waiting threads.
 */
final class ChoicePoints {

    private final Execution ex;
    private final Baton baton;
    private final Devices devices;
    private final LayerDevices layers;

    ChoicePoints(Execution ex, Baton baton, Devices devices, LayerDevices layers) {
        this.ex = ex;
        this.baton = baton;
        this.devices = devices;
        this.layers = layers;
    }

    /** A scheduling point of {@code me}, which is about to take the step {@code action}. */
    void point(SimThread me, long action, @Nullable Object waitingOn) {
        if (me.killed || baton.aborted) {
            throw Killed.INSTANCE;
        }
        int kind = Action.kind(action);
        if (kind != Action.GET && kind != Action.SET && kind != Action.LOCK && kind != Action.UNLOCK
                && kind != Action.SPIN && kind != Action.LAYER) {
            me.spin.clear();
        }
        if (ex.direct) {
            return;
        }
        if (kind == Action.WRITE || kind == Action.BARRIER || kind == Action.FS_WRITE || kind == Action.FS_GLOBAL
                || kind == Action.FS_SYNC) {
            ex.durableDirty = true;
        }
        me.pending = action;
        if (me.granted) {
            me.granted = false;
            return;
        }
        me.waitingOn = waitingOn;
        SimThread next = schedule(me);
        if (next == null) {
            throw Killed.INSTANCE;
        }
        if (next != me) {
            baton.handTo(next);
            baton.await(me);
            if (me.killed) {
                throw Killed.INSTANCE;
            }
        }
        me.waitingOn = null;
    }

    /**
     * Before a read of {@code object} (a cell, an atomic cell, or a lock taken back): if the read
     * would only repeat what {@code me} has already seen, and it holds no lock, {@code me} is
     * spinning and waits here until another thread changes something it read.
     */
    void spinPoint(SimThread me, SpinLog.Versioned object, int kind, int arg) {
        if (!ex.direct && !me.killed && me.locksHeld == 0 && me.spin.repeats(object, kind, arg)) {
            if (ex.rec.tracing) {
                ex.rec.line(me.name, "spins on " + me.spin.describe() + ": waits for a change");
            }
            point(me, Action.of(Action.SPIN, me.slot, 0), me.spin);
        }
    }

    /** Decides what happens next; null when the execution is stopping (crash, failure, abandon). */
    @Nullable SimThread schedule(@Nullable SimThread me) {
        Workload workload = ex.workload;
        Choice choice = ex.choice;
        while (true) {
            if (++ex.steps > workload.maxSteps()) {
                stop(new Failure.StepBoundExceeded(workload.maxSteps()));
                return null;
            }
            CrashInvariant inv = ex.invariant;
            if (inv != null && ex.durableDirty) {
                ex.durableDirty = false;
                Failure broken = devices.checkInvariant(inv, workload.crashStateBudget());
                if (broken != null) {
                    stop(broken);
                    return null;
                }
            }
            choice.clear(me == null ? -1 : me.slot);
            boolean live = false;
            for (int i = 0; i < ex.threadCount; i++) {
                SimThread t = baton.slots[i];
                if (t.state == SimThread.State.READY) {
                    live = true;
                    if (t.enabled()) {
                        addThreadOptions(t);
                    }
                }
            }
            if (choice.size == 0 && spinnerCouldChangeALayer()) {
                // Not stuck: a spinner's call has an outcome that changes its layer, which an
                // earlier iteration's sibling option takes; this branch only repeats itself.
                ex.abandoned = true;
                stop(null);
                return null;
            }
            if (choice.size == 0) {
                stop(!live ? new Failure.LockMisuse("no thread to run")
                        : anySpinning() ? new Failure.Livelock(describeWaiting())
                        : new Failure.Deadlock(describeWaiting()));
                return null;
            }
            if (ex.crashes < workload.maxCrashes()) {
                choice.add(Choice.crash(), Action.of(Action.CRASH, 0, 0));
            }
            if (ex.failures < workload.maxDiskFailures()) {
                for (SimDisk d : devices.disks()) {
                    if (!d.failed) {
                        choice.add(Choice.fail(d.index), Action.of(Action.FAIL, 0, d.index));
                    }
                }
            }
            long code;
            if (choice.size == 1 && !ex.seesForced) {
                code = choice.codes[0];
            } else {
                int idx = ex.scheduler.choose(choice);
                if (idx == Scheduler.ABANDON) {
                    ex.abandoned = true;
                    stop(null);
                    return null;
                }
                code = choice.codes[idx];
                if (choice.size > 1) {
                    ex.record(code);
                }
            }
            switch (Choice.kind(code)) {
                case Choice.THREAD -> {
                    SimThread t = baton.slots[Choice.target(code)];
                    t.chosenValue = Math.max(0, Choice.value(code) - 1);
                    return t;
                }
                case Choice.CRASH -> {
                    ex.crashes++;
                    ex.crashing = true;
                    if (ex.rec.tracing) { ex.rec.line("machine", "crash " + ex.crashes); }
                    stop(null);
                    return null;
                }
                default -> {
                    SimDisk d = devices.disk(Choice.target(code));
                    d.failed = true;
                    ex.durableDirty = true;
                    ex.failures++;
                    ex.steps--;
                    if (ex.rec.tracing) { ex.rec.line("machine", d + " fails"); }
                }
            }
        }
    }

    private boolean spinnerCouldChangeALayer() {
        for (int i = 0; i < ex.threadCount; i++) {
            SimThread t = baton.slots[i];
            if (t.state == SimThread.State.READY && t.waitingOn instanceof SpinLog && layers.couldChange(i)) {
                return true;
            }
        }
        return false;
    }

    private boolean anySpinning() {
        for (int i = 0; i < ex.threadCount; i++) {
            SimThread t = baton.slots[i];
            if (t.state == SimThread.State.READY && t.waitingOn instanceof SpinLog) {
                return true;
            }
        }
        return false;
    }

    private void addThreadOptions(SimThread t) {
        Choice choice = ex.choice;
        if (Action.kind(t.pending) == Action.LAYER) {
            // A layer step's outcomes from the state it would run in: each one an option.
            int n = layers.outcomeCount((int) Action.object(t.pending), t.slot);
            for (int v = 0; v < n; v++) {
                choice.add(Choice.thread(t.slot, n == 1 ? 0 : v + 1), t.pending);
            }
        } else if (Action.kind(t.pending) == Action.RANDOM) {
            int n = Math.min(t.randomBound, ex.randomDomain);
            for (int v = 0; v < n; v++) {
                choice.add(Choice.thread(t.slot, v + 1), t.pending);
            }
        } else {
            // A file a crash left undecided: the first look at its data picks its contents.
            int n = Action.isFs(t.pending) ? devices.fileSystem().options(t.pending) : 1;
            for (int v = 0; v < n; v++) {
                choice.add(Choice.thread(t.slot, n == 1 ? 0 : v + 1), t.pending);
            }
        }
    }

    private String describeWaiting() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ex.threadCount; i++) {
            SimThread t = baton.slots[i];
            if (t.state == SimThread.State.READY) {
                if (!b.isEmpty()) {
                    b.append(", ");
                }
                if (t.waitingOn instanceof SpinLog log) {
                    b.append(t.name).append(" spins on ").append(log.describe())
                            .append(" (nothing it read has changed since it last read it)");
                } else {
                    b.append(t.name).append(" waits for ").append(t.waitingOn);
                }
                if (t.waitingOn instanceof SimLock l && l.owner != null) {
                    b.append(" held by ").append(l.owner.name);
                }
            }
        }
        return b.toString();
    }

    /** Stops the execution: every live thread is killed and will unwind. */
    void stop(@Nullable Failure f) {
        if (f != null && ex.failure == null) {
            ex.failure = f;
            if (ex.rec.tracing) {
                ex.rec.line("machine", f.message().startsWith(f.kind()) ? f.message() : f.kind() + ": " + f.message());
            }
        }
        ex.stopping = true;
        for (int i = 0; i < ex.threadCount; i++) {
            if (baton.slots[i].state == SimThread.State.READY) {
                baton.slots[i].killed = true;
            }
        }
    }

    /** Whether a thread other than slot 0's is still running. */
    boolean anyLive() {
        for (int i = 1; i < ex.threadCount; i++) {
            if (baton.slots[i].state == SimThread.State.READY) {
                return true;
            }
        }
        return false;
    }

    /** On slot 0 after a stop: lets every killed thread unwind, then returns. */
    void reap() {
        SimThread next = nextKilled(baton.main);
        if (next != null) {
            baton.handTo(next);
            baton.await(baton.main);
        }
    }

    private @Nullable SimThread nextKilled(SimThread except) {
        for (int i = 1; i < ex.threadCount; i++) {
            SimThread t = baton.slots[i];
            if (t != except && t.state == SimThread.State.READY && t.killed) {
                return t;
            }
        }
        return null;
    }

    /** A thread's body ended (with {@code error} if it threw): the baton goes on from it. */
    void threadEnded(SimThread t, @Nullable Throwable error) {
        t.state = SimThread.State.DONE;
        failIfUserError(t, error);
        if (!ex.stopping) {
            if (anyLive() || baton.main.state == SimThread.State.READY) {
                SimThread next = schedule(t);
                if (next != null) {
                    baton.handTo(next);
                    return;
                }
            } else {
                baton.handTo(baton.main);
                return;
            }
        }
        SimThread next = nextKilled(t);
        baton.handTo(next != null ? next : baton.main);
    }

    /** Stops with a user-exception failure if {@code error} is one (not a kill, not while stopping). */
    void failIfUserError(SimThread t, @Nullable Throwable error) {
        if (error != null && !(error instanceof Killed) && !ex.stopping) {
            stop(error instanceof RuntimeException e ? userException(t.name, e)
                    : new Failure.UserException(t.name, error.toString(), ""));
        }
    }

    static Failure userException(String thread, RuntimeException e) {
        String where = StuckReport.userFrame(e.getStackTrace());
        return new Failure.UserException(thread, e.toString(), where.isEmpty() ? "" : where.substring(4));
    }
}
