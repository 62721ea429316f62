package armada.sim;

import armada.world.Durability;
import armada.world.CrashInvariant;

import armada.check.Failure;
import armada.spec.Op;
import armada.world.Block;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The simulated machine: runs one execution of a {@link Workload} at a time, one thread at a
 * time, asking a {@link Scheduler} at every World call what happens next.
 *
 * <p>Threads hand a baton to each other directly: the thread that reaches a scheduling point
 * makes the decision itself, and keeps running without any hand-off when it chose itself. Client
 * threads run on pooled virtual threads (one per slot, started once), except client 0, which
 * runs on the caller's thread like boot, recovery and the operations after the clients (slot
 * 0); the caller should itself be a virtual thread for cheap hand-offs. A machine is used by
 * one caller at a time.
 */
public final class Machine implements AutoCloseable {

    private final int maxThreads;
    private final SimThread[] slots;
    private final @Nullable Thread[] workers;
    private final SimThread main;
    private final SimWorld world;
    private final Recorder rec = new Recorder();
    private final Choice choice = new Choice();
    private final Devices devices = new Devices(this, new Host());
    private final LayerDevices layers;
    private final List<Integer> crashStateCounts = new ArrayList<>();
    private boolean crashStatesCut;
    private volatile @Nullable SimThread baton;
    private volatile boolean shutdown;
    /** Given up on from outside (a stuck execution): every thread dies at its next World call. */
    private volatile boolean aborted;

    private @Nullable SimThread current;
    private Workload workload = EmptyWorkload.INSTANCE;
    private Scheduler scheduler = c -> 0;
    private boolean seesForced;
    private @Nullable CrashInvariant invariant;
    private int randomDomain = 2;
    private boolean direct;
    private int generation;
    private int crashes;
    private int failures;
    private int steps;
    private int nextObjectId;
    private int threadCount;
    private boolean stopping;
    private boolean crashing;
    private @Nullable Failure failure;
    private boolean abandoned;
    private long[] decisions = new long[64];
    private int decisionCount;
    /** Durable state may have changed since the crash invariant was last checked. */
    private boolean durableDirty;
    /** The first random call the explored domain cut, once per machine (where, and its bound). */
    private @Nullable String randomCutWhere;
    private boolean randomCut;
    /** A cut random call returned a value an earlier cut call returned (in this execution). */
    private boolean randomRepeated;
    private long randomSeen;
    private final java.util.Set<Integer> randomSeenLarge = new java.util.HashSet<>();

    /** A machine for executions with at most {@code maxThreads} simulated threads, counting slot 0. */
    public Machine(int maxThreads) {
        if (maxThreads < 2 || maxThreads > 250) {
            throw new IllegalArgumentException("maxThreads must be 2..250, not " + maxThreads);
        }
        this.maxThreads = maxThreads;
        this.slots = new SimThread[maxThreads];
        this.workers = new Thread[maxThreads];
        for (int i = 0; i < maxThreads; i++) {
            slots[i] = new SimThread(i, maxThreads);
        }
        this.main = slots[0];
        this.world = new SimWorld(this);
        this.layers = new LayerDevices(this, maxThreads);
    }

    /** How many values an explored {@code random(bound)} may return: {@code min(bound, domain)}. */
    public void randomDomain(int domain) {
        this.randomDomain = Math.max(1, domain);
    }

    /** Runs one execution to its end and returns what happened. */
    public ExecutionRecord run(Workload w, Scheduler s, boolean tracing) {
        startExecution(w, s, tracing);
        Object impl;
        direct = true;
        try {
            impl = w.boot(world);
        } catch (Killed k) {
            return finish();
        } catch (RuntimeException e) {
            failure = userException("boot", e);
            return finish();
        } finally {
            direct = false;
        }
        // The state boot leaves is the scenario's starting point: durable by definition.
        devices.flushAll();
        runClients(w, impl);
        boolean crashed = crashing;
        Object live = impl;
        while (failure == null && !abandoned) {
            if (crashed) {
                Object recovered = recoverLoop(w);
                if (recovered == null) {
                    break;
                }
                live = recovered;
            }
            Object postImpl = live;
            if (runMainPhase("post", () -> runOps(main, w, postImpl, w.after(), true))) {
                break;
            }
            crashed = true;
        }
        return finish();
    }

    private void startExecution(Workload w, Scheduler s, boolean tracing) {
        workload = w;
        scheduler = s;
        seesForced = s.seesForcedSteps();
        invariant = w.crashInvariant();
        devices.prepare(w);
        layers.reset();
        crashStateCounts.clear();
        crashStatesCut = false;
        generation = 0;
        crashes = 0;
        failures = 0;
        steps = 0;
        nextObjectId = 0;
        decisionCount = 0;
        failure = null;
        abandoned = false;
        crashing = false;
        stopping = false;
        durableDirty = true;
        randomCut = false;
        randomRepeated = false;
        randomSeen = 0;
        randomSeenLarge.clear();
        rec.reset(tracing);
        for (SimThread t : slots) {
            t.state = SimThread.State.IDLE;
        }
        main.reset("boot", -1, null);
        main.clock[0] = 1;
        main.carrier = Thread.currentThread();
        current = main;
        baton = main;
        threadCount = 1;
    }

    private ExecutionRecord finish() {
        return new ExecutionRecord(List.copyOf(rec.history), Arrays.copyOf(decisions, decisionCount),
                failure, abandoned, List.copyOf(rec.trace), steps, crashes, List.copyOf(crashStateCounts),
                crashStatesCut, randomCut ? randomCutWhere : null, randomRepeated);
    }

    // ---------------------------------------------------------------- phases (on slot 0)

    private void runClients(Workload w, Object impl) {
        List<List<Op<?>>> clients = w.clients();
        if (1 + clients.size() > maxThreads) {
            throw new IllegalStateException("too many client threads: " + clients.size());
        }
        main.state = SimThread.State.IDLE;
        main.clock[0]++;
        for (int i = 0; i < clients.size(); i++) {
            SimThread t = slots[1 + i];
            List<Op<?>> ops = clients.get(i);
            t.reset("t" + i, i, () -> runOps(t, w, impl, ops, false));
            System.arraycopy(main.clock, 0, t.clock, 0, maxThreads);
            t.clock[t.slot] = 1;
            t.granted = true;
            t.pending = Action.of(ops.isEmpty() ? Action.START : Action.INVOKE, t.slot, 0);
            ensureWorker(t.slot);
        }
        threadCount = 1 + clients.size();
        if (clients.isEmpty()) {
            return;
        }
        SimThread t0 = slots[1];
        t0.onMain = true;
        try {
            clientPhase(t0);
        } finally {
            t0.onMain = false;
        }
        for (int i = 1; i < threadCount; i++) {
            joinClock(main.clock, slots[i].clock);
        }
    }

    /**
     * The client phase, with client 0 running on this (the explorer's) thread rather than on a
     * worker: two fewer hand-offs per execution. Returns when every client thread has ended.
     */
    private void clientPhase(SimThread t0) {
        SimThread first = schedule(null);
        if (first == null) {
            t0.state = SimThread.State.DONE;
            reap();
            return;
        }
        current = first;
        baton = first;
        if (first != t0) {
            handTo(first);
        }
        while (baton != t0 && baton != main) {
            if (shutdown) {
                return;
            }
            LockSupport.park(this);
        }
        if (baton == main) {
            return;
        }
        Throwable error = null;
        Runnable body = t0.body;
        if (!t0.killed && body != null) {
            try {
                body.run();
            } catch (Throwable e) {
                error = e;
            }
        }
        t0.state = SimThread.State.DONE;
        if (error != null && !(error instanceof Killed) && !stopping) {
            stop(error instanceof RuntimeException e ? userException(t0.name, e)
                    : new Failure.UserException(t0.name, error.toString(), ""));
        }
        if (!stopping && anyLive()) {
            SimThread next = schedule(t0);
            if (next != null) {
                handTo(next);
                awaitBaton(main);
                return;
            }
        }
        if (stopping) {
            reap();
        }
        // Client 0 ended last: the baton comes back to slot 0, never left with client 0, or the
        // worker of its slot would take it once the phase is over.
        current = main;
        baton = main;
    }

    private void runOps(SimThread me, Workload w, Object impl, List<Op<?>> ops, boolean endPoint) {
        for (Op<?> op : ops) {
            point(me, Action.of(Action.INVOKE, me.slot, 0), null);
            int id = rec.invoke(me.historyId, op);
            if (rec.tracing) { rec.line(me.name, "invoke " + op); }
            Object result = w.apply(impl, op);
            point(me, Action.of(Action.RETURN, me.slot, 0), null);
            rec.ret(me.historyId, id, result);
            if (rec.tracing) { rec.line(me.name, "return " + armada.check.Values.show(result)); }
        }
        if (endPoint && crashes < w.maxCrashes()) {
            point(me, Action.of(Action.END, me.slot, 0), null);
        }
    }

    private @Nullable Object recoverLoop(Workload w) {
        while (true) {
            if (!afterCrash()) {
                return null;
            }
            Object[] out = new Object[1];
            if (runMainPhase("rec", () -> {
                out[0] = w.recover(world);
                // Recovery is complete once its body returns: one more scheduling point, so that a
                // crash just before that (still in this episode) and one just after are both tried.
                point(main, Action.of(Action.RECOVER, 0, 0), null);
            })) {
                rec.recovered();
                if (rec.tracing) { rec.line("machine", "recovery complete"); }
                return out[0];
            }
            if (failure != null || abandoned) {
                return null;
            }
        }
    }

    /**
     * Runs {@code body} as slot 0's thread; false if a crash or a failure stopped it. After the
     * operations after the clients ("post"), the phase also lets every other live thread finish;
     * after recovery ("rec") it does not: recovery is complete when its body returns, and the
     * threads it started run on, interleaved with what follows.
     */
    private boolean runMainPhase(String name, Runnable body) {
        boolean post = name.equals("post");
        main.historyId = post ? workload.clients().size() : -1;
        main.name = post ? "t" + main.historyId : name;
        main.state = SimThread.State.READY;
        main.killed = false;
        main.pending = 0;
        main.waitingOn = null;
        main.spin.clear();
        current = main;
        try {
            body.run();
            if (main.killed) {
                // The body caught the crash (or the stop) and returned anyway: it was killed all the same.
                throw Killed.INSTANCE;
            }
            main.state = SimThread.State.DONE;
            if (post && anyLive()) {
                SimThread next = schedule(main);
                if (next == null) {
                    reap();
                    return false;
                }
                handTo(next);
                awaitBaton(main);
                if (stopping) {
                    reap();
                    return false;
                }
            }
            return true;
        } catch (Killed k) {
            main.state = SimThread.State.DONE;
            reap();
            return false;
        } catch (RuntimeException e) {
            main.state = SimThread.State.DONE;
            if (!stopping) {
                stop(userException(name, e));
            }
            reap();
            return false;
        }
    }

    private @Nullable CrashCache crashCache;

    /** Asks {@code cache} at every crash whether to go on (null: always go on). */
    public void crashCache(@Nullable CrashCache cache) {
        this.crashCache = cache;
    }

    /** Glues calls of these layers by their checked mover claims from the next execution on ({@link MoverStretches}). */
    public void layerMovers(List<LayerMovers> checked) {
        layers.movers(checked);
    }

    /** After a crash: picks what survived, then starts a new generation. False if abandoned. */
    private boolean afterCrash() {
        crashing = false;
        stopping = false;
        current = main;
        if (!chooseCrashState() || !layers.crash()) {
            return false;
        }
        generation++;
        durableDirty = true;
        rec.crash(crashes);
        for (SimThread t : slots) {
            t.state = SimThread.State.IDLE;
            Arrays.fill(t.clock, 0);
            // The locks it held died with the generation that made them.
            t.locksHeld = 0;
            t.spin.clear();
        }
        main.clock[0] = 1;
        threadCount = 1;
        return true;
    }

    /**
     * The durable state after this crash: a choice among the distinct ones the model allows,
     * less those the crash cache says were searched already from an equal point (all of them:
     * the execution stops here, as abandoned).
     */
    private boolean chooseCrashState() {
        Devices.CrashOptions options = devices.crashOptions(workload.crashStateBudget());
        int n = options.count();
        crashStateCounts.add(n);
        crashStatesCut |= options.cut();
        CrashCache cache = rec.tracing ? null : crashCache;
        int[] offered = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (cache == null || freshAfterCrash(cache, options, i, n)) {
                offered[k++] = i;
            }
        }
        if (k == 0) {
            abandoned = true;
            return false;
        }
        int pick = offered[0];
        if (n > 1) {
            // A decision whenever the model offers several states, even if the cache leaves one:
            // a replay without the cache sees them all.
            choice.clear(-1);
            for (int j = 0; j < k; j++) {
                choice.add(Choice.survive(offered[j]), Action.of(Action.CRASH, 0, offered[j]));
            }
            int idx = k > 1 ? scheduler.choose(choice) : 0;
            if (idx == Scheduler.ABANDON) {
                abandoned = true;
                return false;
            }
            pick = offered[idx];
            record(choice.codes[idx]);
            if (rec.tracing) {
                rec.line("machine", "durable state " + Choice.token(choice.codes[idx]) + " of " + n
                        + " that the crash may leave: " + options.describe(pick));
            }
        }
        options.apply(pick);
        return true;
    }

    /** Whether the cache wants the search to go on with crash state {@code i} of {@code n}. */
    private boolean freshAfterCrash(CrashCache cache, Devices.CrashOptions options, int i, int n) {
        long[] path = Arrays.copyOf(decisions, decisionCount + (n > 1 ? 1 : 0));
        if (n > 1) {
            path[decisionCount] = Choice.survive(i);
        }
        return cache.fresh(List.of(options.fingerprint(i), layers.fingerprint(), crashes, failures, randomSeen,
                java.util.Set.copyOf(randomSeenLarge)), rec.history, steps, path);
    }

    /**
     * After a crash, a choice among {@code n} (at least 2) states a lower layer's crash step
     * allows; -1 if the strategy abandoned the execution there.
     */
    int chooseSurvivor(int n) {
        choice.clear(-1);
        for (int j = 0; j < n; j++) {
            choice.add(Choice.survive(j), Action.of(Action.CRASH, 0, j));
        }
        int idx = scheduler.choose(choice);
        if (idx == Scheduler.ABANDON) {
            abandoned = true;
            return -1;
        }
        record(choice.codes[idx]);
        return idx;
    }

    /** The spec {@code spec} run as the layer below, for the calling code's generation. */
    <S> armada.world.LowerLayer<S> openLayer(armada.spec.Spec<S> spec) {
        me();
        return layers.open(spec, generation);
    }

    /** Whether boot runs now, alone, without scheduling points. */
    boolean direct() {
        return direct;
    }

    /** Adds a trace line of the machine's own (call only when {@link #tracing()}). */
    void traceMachine(String text) {
        rec.line("machine", text);
    }

    private void record(long decision) {
        if (decisionCount == decisions.length) {
            decisions = Arrays.copyOf(decisions, decisionCount * 2);
        }
        decisions[decisionCount++] = decision;
    }

    // ---------------------------------------------------------------- scheduling

    /** A scheduling point of {@code me}, which is about to take the step {@code action}. */
    void point(SimThread me, long action, @Nullable Object waitingOn) {
        if (me.killed || aborted) {
            throw Killed.INSTANCE;
        }
        int kind = Action.kind(action);
        if (kind != Action.GET && kind != Action.SET && kind != Action.LOCK && kind != Action.UNLOCK
                && kind != Action.SPIN && kind != Action.LAYER) {
            me.spin.clear();
        }
        if (direct) {
            return;
        }
        if (kind == Action.WRITE || kind == Action.BARRIER || kind == Action.FS_WRITE || kind == Action.FS_GLOBAL
                || kind == Action.FS_SYNC) {
            durableDirty = true;
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
            handTo(next);
            awaitBaton(me);
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
        if (!direct && !me.killed && me.locksHeld == 0 && me.spin.repeats(object, kind, arg)) {
            if (rec.tracing) {
                rec.line(me.name, "spins on " + me.spin.describe() + ": waits for a change");
            }
            point(me, Action.of(Action.SPIN, me.slot, 0), me.spin);
        }
    }

    /** Decides what happens next; null when the execution is stopping (crash, failure, abandon). */
    private @Nullable SimThread schedule(@Nullable SimThread me) {
        while (true) {
            if (++steps > workload.maxSteps()) {
                stop(new Failure.StepBoundExceeded(workload.maxSteps()));
                return null;
            }
            CrashInvariant inv = invariant;
            if (inv != null && durableDirty) {
                durableDirty = false;
                Failure broken = devices.checkInvariant(inv, workload.crashStateBudget());
                if (broken != null) {
                    stop(broken);
                    return null;
                }
            }
            choice.clear(me == null ? -1 : me.slot);
            boolean live = false;
            for (int i = 0; i < threadCount; i++) {
                SimThread t = slots[i];
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
                abandoned = true;
                stop(null);
                return null;
            }
            if (choice.size == 0) {
                stop(!live ? new Failure.LockMisuse("no thread to run")
                        : anySpinning() ? new Failure.Livelock(describeWaiting())
                        : new Failure.Deadlock(describeWaiting()));
                return null;
            }
            if (crashes < workload.maxCrashes()) {
                choice.add(Choice.crash(), Action.of(Action.CRASH, 0, 0));
            }
            if (failures < workload.maxDiskFailures()) {
                for (SimDisk d : devices.disks()) {
                    if (!d.failed) {
                        choice.add(Choice.fail(d.index), Action.of(Action.FAIL, 0, d.index));
                    }
                }
            }
            long code;
            if (choice.size == 1 && !seesForced) {
                code = choice.codes[0];
            } else {
                int idx = scheduler.choose(choice);
                if (idx == Scheduler.ABANDON) {
                    abandoned = true;
                    stop(null);
                    return null;
                }
                code = choice.codes[idx];
                if (choice.size > 1) {
                    record(code);
                }
            }
            switch (Choice.kind(code)) {
                case Choice.THREAD -> {
                    SimThread t = slots[Choice.target(code)];
                    t.chosenValue = Math.max(0, Choice.value(code) - 1);
                    return t;
                }
                case Choice.CRASH -> {
                    crashes++;
                    crashing = true;
                    if (rec.tracing) { rec.line("machine", "crash " + crashes); }
                    stop(null);
                    return null;
                }
                default -> {
                    SimDisk d = devices.disk(Choice.target(code));
                    d.failed = true;
                    durableDirty = true;
                    failures++;
                    steps--;
                    if (rec.tracing) { rec.line("machine", d + " fails"); }
                }
            }
        }
    }

    private boolean spinnerCouldChangeALayer() {
        for (int i = 0; i < threadCount; i++) {
            if (slots[i].state == SimThread.State.READY && slots[i].waitingOn instanceof SpinLog
                    && layers.couldChange(i)) {
                return true;
            }
        }
        return false;
    }

    private boolean anySpinning() {
        for (int i = 0; i < threadCount; i++) {
            if (slots[i].state == SimThread.State.READY && slots[i].waitingOn instanceof SpinLog) {
                return true;
            }
        }
        return false;
    }

    private void addThreadOptions(SimThread t) {
        if (Action.kind(t.pending) == Action.LAYER) {
            // A layer step's outcomes from the state it would run in: each one an option.
            int n = layers.outcomeCount((int) Action.object(t.pending), t.slot);
            for (int v = 0; v < n; v++) {
                choice.add(Choice.thread(t.slot, n == 1 ? 0 : v + 1), t.pending);
            }
        } else if (Action.kind(t.pending) == Action.RANDOM) {
            int n = Math.min(t.randomBound, randomDomain);
            for (int v = 0; v < n; v++) {
                choice.add(Choice.thread(t.slot, v + 1), t.pending);
            }
        } else {
            choice.add(Choice.thread(t.slot, 0), t.pending);
        }
    }

    private String describeWaiting() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < threadCount; i++) {
            SimThread t = slots[i];
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
    private void stop(@Nullable Failure f) {
        if (f != null && failure == null) {
            failure = f;
            if (rec.tracing) {
                rec.line("machine", f.message().startsWith(f.kind()) ? f.message() : f.kind() + ": " + f.message());
            }
        }
        stopping = true;
        for (int i = 0; i < threadCount; i++) {
            if (slots[i].state == SimThread.State.READY) {
                slots[i].killed = true;
            }
        }
    }

    private boolean anyLive() {
        for (int i = 1; i < threadCount; i++) {
            if (slots[i].state == SimThread.State.READY) {
                return true;
            }
        }
        return false;
    }

    /** On slot 0 after a stop: lets every killed thread unwind, then returns. */
    private void reap() {
        SimThread next = nextKilled(main);
        if (next != null) {
            handTo(next);
            awaitBaton(main);
        }
    }

    private @Nullable SimThread nextKilled(SimThread except) {
        for (int i = 1; i < threadCount; i++) {
            SimThread t = slots[i];
            if (t != except && t.state == SimThread.State.READY && t.killed) {
                return t;
            }
        }
        return null;
    }

    private void handTo(SimThread next) {
        current = next;
        baton = next;
        Thread carrier = next.onMain ? main.carrier : next.carrier;
        if (carrier != null) {
            LockSupport.unpark(carrier);
        }
    }

    /** A worker's wait: its thread's turn, unless that thread runs on slot 0's carrier now. */
    private boolean awaitTurn(SimThread t) {
        while (baton != t || t.onMain) {
            if (shutdown) {
                return false;
            }
            LockSupport.park(this);
        }
        return true;
    }

    private boolean awaitBaton(SimThread me) {
        while (baton != me) {
            if (shutdown) {
                return false;
            }
            LockSupport.park(this);
        }
        return true;
    }

    // ---------------------------------------------------------------- worker threads

    private void ensureWorker(int slot) {
        if (workers[slot] == null) {
            SimThread t = slots[slot];
            Thread w = Thread.ofVirtual().name("armada-sim-" + slot).unstarted(() -> workerLoop(t));
            t.carrier = w;
            workers[slot] = w;
            w.start();
        }
    }

    private void workerLoop(SimThread t) {
        while (awaitTurn(t)) {
            Throwable error = null;
            Runnable body = t.body;
            if (!t.killed && body != null) {
                try {
                    body.run();
                } catch (Throwable e) {
                    error = e;
                }
            }
            threadEnded(t, error);
        }
    }

    private void threadEnded(SimThread t, @Nullable Throwable error) {
        t.state = SimThread.State.DONE;
        if (error != null && !(error instanceof Killed) && !stopping) {
            stop(error instanceof RuntimeException e ? userException(t.name, e)
                    : new Failure.UserException(t.name, error.toString(), ""));
        }
        if (!stopping) {
            if (anyLive() || main.state == SimThread.State.READY) {
                SimThread next = schedule(t);
                if (next != null) {
                    handTo(next);
                    return;
                }
            } else {
                handTo(main);
                return;
            }
        }
        SimThread next = nextKilled(t);
        handTo(next != null ? next : main);
    }

    private Failure userException(String thread, RuntimeException e) {
        String where = userFrame(e.getStackTrace());
        return new Failure.UserException(thread, e.toString(), where.isEmpty() ? "" : where.substring(4));
    }

    /**
     * For a watchdog on another thread: the simulated thread running now, what its Java thread is
     * doing (running a loop, blocked on a monitor, waiting) with its stack down to the simulator,
     * and where each other live thread is paused in a World call (one of them may hold the
     * monitor). Several lines, the first one short.
     */
    public String describeRunning() {
        SimThread t = baton;
        if (t == null) {
            return "no simulated thread is running";
        }
        Thread carrier = t.onMain ? main.carrier : t.carrier;
        if (carrier == null) {
            return t.name;
        }
        StringBuilder b = new StringBuilder(t.name);
        b.append(switch (carrier.getState()) {
            case BLOCKED -> " is blocked on a monitor: a synchronized block or method waits for a Java lock another"
                    + " thread holds, which the scheduler cannot see (use World.newLock())";
            case RUNNABLE -> " is running code that never calls the World (a loop?)";
            case WAITING, TIMED_WAITING -> " is waiting outside the World (Object.wait, Thread.sleep, a"
                    + " java.util.concurrent lock or queue?), which the scheduler cannot see";
            default -> " is " + carrier.getState().name().toLowerCase(java.util.Locale.ROOT);
        });
        List<StackTraceElement> frames = userFrames(carrier.getStackTrace());
        for (int i = 0; i < Math.min(frames.size(), 12); i++) {
            b.append("\n    at ").append(frames.get(i));
        }
        if (frames.size() > 12) {
            b.append("\n    ...");
        }
        StringBuilder others = new StringBuilder();
        java.util.Set<Thread> seen = new java.util.HashSet<>(List.of(carrier));
        for (SimThread o : slots) {
            Thread oc = o.onMain ? main.carrier : o.carrier;
            if (o != t && o.live() && oc != null && seen.add(oc)) {
                List<StackTraceElement> of = userFrames(oc.getStackTrace());
                others.append("\n    ").append(o.name).append(of.isEmpty() ? " (not started)" : " at " + of.getFirst());
            }
        }
        if (!others.isEmpty()) {
            b.append("\n  the other threads, each paused in a World call:").append(others);
        }
        return b.toString();
    }

    /** The frames of code under check: the simulator's and the JDK's left out, up to the simulator's entry. */
    private static List<StackTraceElement> userFrames(StackTraceElement[] stack) {
        List<StackTraceElement> out = new ArrayList<>();
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            if (c.startsWith("armada.sim.") || c.startsWith("armada.explore.Scenario")) {
                if (!out.isEmpty()) {
                    break; // below the code under check: the simulator that called it
                }
            } else if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
                out.add(f);
            }
        }
        return out;
    }

    /** For a watchdog: the decisions the running execution has made so far. */
    public long[] decisionsSoFar() {
        SimThread t = baton;
        int n = Math.min(decisionCount, decisions.length);
        return t == null ? new long[0] : Arrays.copyOf(decisions, n);
    }

    /** Gives up on the running execution: its threads die at their next World call. */
    public void abort() {
        aborted = true;
        close();
    }

    @Override
    public void close() {
        shutdown = true;
        for (Thread w : workers) {
            if (w != null) {
                LockSupport.unpark(w);
            }
        }
    }

    // ---------------------------------------------------------------- World operations

    SimThread me() {
        SimThread t = current;
        if (t == null) {
            throw new IllegalStateException("World used outside a simulated thread");
        }
        return t;
    }

    int diskCount() {
        return devices.diskCount();
    }

    SimDisk disk(int index) {
        return devices.disk(index);
    }

    SimFileSystem fileSystem() {
        return devices.fileSystem();
    }

    SimLock newLock() {
        return new SimLock(this, nextObjectId++, generation, maxThreads);
    }

    <T> SimCell<T> newCell(T initial) {
        return new SimCell<>(this, nextObjectId++, generation, initial, me(), maxThreads);
    }

    <T> SimAtomicCell<T> newAtomicCell(T initial) {
        me();
        return new SimAtomicCell<>(this, nextObjectId++, generation, initial, maxThreads);
    }

    // ---------------------------------------------------------------- for the simulated objects

    /** Whether a crash can still come in this execution, or a crash invariant watches durable state. */
    boolean crashPossible() {
        return crashes < workload.maxCrashes() || invariant != null;
    }

    /** The durability model of this execution. */
    Durability durability() {
        return devices.durability();
    }

    boolean tracing() {
        return rec.tracing;
    }

    /** Adds a trace line (call only when {@link #tracing()}). */
    void trace(SimThread thread, String text) {
        rec.line(thread.name, text);
    }

    /** The name of the thread in {@code slot}, for reports. */
    String threadName(int slot) {
        return slots[slot].name;
    }

    /** Stops the execution with {@code f}; the caller throws what this returns. */
    Error fail(Failure f) {
        stop(f);
        return Killed.INSTANCE;
    }

    /** Reports a volatile object made before the last crash. */
    void checkGeneration(Object object, int objectGeneration) {
        if (objectGeneration != generation) {
            throw fail(new Failure.StaleObject(object.toString(), objectGeneration + 1));
        }
    }

    SimTask spawn(Runnable body) {
        SimThread me = me();
        if (direct) {
            throw new IllegalStateException("spawn is not allowed during boot: boot runs alone, before any"
                    + " scheduling point; start background threads from an operation or from recovery");
        }
        if (threadCount == maxThreads) {
            throw fail(new Failure.LockMisuse("too many threads: the bound is " + maxThreads));
        }
        point(me, Action.of(Action.SPAWN, me.slot, 0), null);
        SimThread child = slots[threadCount++];
        child.reset("s" + (child.slot - 1), -1, body);
        System.arraycopy(me.clock, 0, child.clock, 0, maxThreads);
        child.clock[child.slot] = 1;
        me.clock[me.slot]++;
        child.pending = Action.of(Action.START, child.slot, 0);
        ensureWorker(child.slot);
        if (rec.tracing) {
            rec.line(me.name, "spawn " + child.name);
        }
        return new SimTask(this, child, generation);
    }

    int random(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("random bound must be positive, not " + bound);
        }
        SimThread me = me();
        me.randomBound = bound;
        me.chosenValue = 0;
        point(me, Action.of(Action.RANDOM, me.slot, 0), null);
        int v = me.chosenValue;
        if (bound > randomDomain && !direct) {
            noteRandomCut(bound, v);
        }
        if (rec.tracing) {
            rec.line(me.name, "random(" + bound + ") -> " + v);
        }
        return v;
    }

    /**
     * A random call whose bound is larger than the explored domain: the search cannot cover it.
     * Notes where (once per machine), and whether it repeated a value an earlier cut call drew:
     * in a small domain repeats are common, with the real bound they are rare.
     */
    private void noteRandomCut(int bound, int value) {
        randomCut = true;
        if (randomCutWhere == null) {
            randomCutWhere = "random(" + bound + ")" + userFrame(new Throwable().getStackTrace())
                    + " explored only " + randomDomain + " of its " + bound + " values";
        }
        boolean seen;
        if (value < 64) {
            seen = (randomSeen & (1L << value)) != 0;
            randomSeen |= 1L << value;
        } else {
            seen = !randomSeenLarge.add(value);
        }
        randomRepeated |= seen;
    }

    /** " at Class.method(File.java:12)" for the first frame of code under check, or "". */
    private static String userFrame(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String c = frame.getClassName();
            if (!c.startsWith("armada.sim.") && !c.startsWith("java.") && !c.startsWith("jdk.")) {
                return " at " + c.substring(c.lastIndexOf('.') + 1) + "." + frame.getMethodName() + "("
                        + frame.getFileName() + ":" + frame.getLineNumber() + ")";
            }
        }
        return "";
    }

    /** Vector-clock join: {@code into} becomes the pointwise maximum. */
    static void joinClock(int[] into, int[] other) {
        for (int i = 0; i < into.length; i++) {
            if (other[i] > into[i]) {
                into[i] = other[i];
            }
        }
    }

    /** The file system's view of this machine. */
    private final class Host implements FsHost {
        @Override
        public void step(int kind, long object) {
            SimThread me = me();
            point(me, Action.of(kind, me.slot, object), null);
        }

        @Override
        public void checkGeneration(Object object, int objectGeneration) {
            Machine.this.checkGeneration(object, objectGeneration);
        }

        @Override
        public int generation() {
            return generation;
        }

        @Override
        public boolean crashPossible() {
            return Machine.this.crashPossible();
        }

        @Override
        public boolean tracing() {
            return rec.tracing;
        }

        @Override
        public void trace(String text) {
            rec.line(me().name, text);
        }
    }
}
