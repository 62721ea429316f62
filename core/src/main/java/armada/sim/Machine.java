package armada.sim;

import armada.check.Failure;
import armada.world.Durability;
import org.jspecify.annotations.Nullable;

/**
 * The simulated machine: runs one execution of a {@link Workload} at a time, one thread at a
 * time, asking a {@link Scheduler} at every World call what happens next. A machine is used by
 * one caller at a time; the caller should itself be a virtual thread for cheap hand-offs.
 *
 * <p>Its parts, each readable alone: {@link Baton} hands the one running turn from thread to
 * thread; {@link Phases} drives an execution (boot, clients, recovery, the operations after);
 * {@link ChoicePoints} puts the options at each step to the scheduler and stops executions;
 * {@link CrashHandling} chooses what survives a crash; {@link Execution} is what they share;
 * {@link StuckReport} tells a watchdog what a stuck execution is doing. This class is the face
 * the World's simulated objects and the explorer see.
 */
public final class Machine implements AutoCloseable {

    private final int maxThreads;
    private final Execution ex = new Execution();
    private final Baton baton;
    private final SimWorld world;
    private final Devices devices;
    private final LayerDevices layers;
    private final ChoicePoints points;
    private final CrashHandling crashHandling;
    private final Phases phases;

    /** A machine for executions with at most {@code maxThreads} simulated threads, counting slot 0. */
    public Machine(int maxThreads) {
        if (maxThreads < 2 || maxThreads > 250) {
            throw new IllegalArgumentException("maxThreads must be 2..250, not " + maxThreads);
        }
        this.maxThreads = maxThreads;
        this.baton = new Baton(maxThreads, this::threadEnded);
        this.world = new SimWorld(this);
        this.devices = new Devices(this, new Host());
        this.layers = new LayerDevices(this, maxThreads);
        this.points = new ChoicePoints(ex, baton, devices, layers);
        this.crashHandling = new CrashHandling(ex, baton, devices, layers);
        this.phases = new Phases(maxThreads, ex, baton, points, crashHandling, devices, layers, world);
    }

    private void threadEnded(SimThread t, @Nullable Throwable error) {
        points.threadEnded(t, error);
    }

    /** How many values an explored {@code random(bound)} may return: {@code min(bound, domain)}. */
    public void randomDomain(int domain) {
        ex.randomDomain = Math.max(1, domain);
    }

    /** Runs one execution to its end and returns what happened. */
    public ExecutionRecord run(Workload w, Scheduler s, boolean tracing) {
        return phases.run(w, s, tracing);
    }

    /** Asks {@code cache} at every crash whether to go on (null: always go on). */
    public void crashCache(@Nullable CrashCache cache) {
        crashHandling.cache(cache);
    }

    /** Glues calls of these layers by their checked mover claims from the next execution on ({@link MoverStretches}). */
    public void layerMovers(java.util.List<LayerMovers> checked) {
        layers.movers(checked);
    }

    /**
     * For a watchdog on another thread: the simulated thread running now, what its Java thread is
     * doing, and where each other live thread is paused (see {@link StuckReport}).
     */
    public String describeRunning() {
        return StuckReport.describe(baton);
    }

    /** For a watchdog: the decisions the running execution has made so far. */
    public long[] decisionsSoFar() {
        return baton.holder() == null ? new long[0] : ex.decisionsSoFar();
    }

    /** Gives up on the running execution: its threads die at their next World call. */
    public void abort() {
        baton.aborted = true;
        close();
    }

    @Override
    public void close() {
        baton.shutdown();
    }

    // ---------------------------------------------------------------- for the simulated objects

    /** A scheduling point of {@code me}, which is about to take the step {@code action}. */
    void point(SimThread me, long action, @Nullable Object waitingOn) {
        points.point(me, action, waitingOn);
    }

    /** Before a read that may only repeat what {@code me} has seen: see {@link ChoicePoints#spinPoint}. */
    void spinPoint(SimThread me, SpinLog.Versioned object, int kind, int arg) {
        points.spinPoint(me, object, kind, arg);
    }

    /** See {@link CrashHandling#chooseSurvivor}. */
    int chooseSurvivor(int n) {
        return crashHandling.chooseSurvivor(n);
    }

    /** The spec {@code spec} run as the layer below, for the calling code's generation. */
    <S> armada.world.LowerLayer<S> openLayer(armada.spec.Spec<S> spec) {
        me();
        return layers.open(spec, ex.generation);
    }

    /** Whether boot runs now, alone, without scheduling points. */
    boolean direct() {
        return ex.direct;
    }

    /** Adds a trace line of the machine's own (call only when {@link #tracing()}). */
    void traceMachine(String text) {
        ex.rec.line("machine", text);
    }

    SimThread me() {
        SimThread t = baton.current;
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
        return new SimLock(this, ex.nextObjectId++, ex.generation, maxThreads);
    }

    <T> SimCell<T> newCell(T initial) {
        return new SimCell<>(this, ex.nextObjectId++, ex.generation, initial, me(), maxThreads);
    }

    <T> SimAtomicCell<T> newAtomicCell(T initial) {
        me();
        return new SimAtomicCell<>(this, ex.nextObjectId++, ex.generation, initial, maxThreads);
    }

    /** Whether a crash can still come in this execution, or a crash invariant watches durable state. */
    boolean crashPossible() {
        return ex.crashes < ex.workload.maxCrashes() || ex.invariant != null;
    }

    /** The durability model of this execution. */
    Durability durability() {
        return devices.durability();
    }

    boolean tracing() {
        return ex.rec.tracing;
    }

    /** Adds a trace line (call only when {@link #tracing()}). */
    void trace(SimThread thread, String text) {
        ex.rec.line(thread.name, text);
    }

    /** The name of the thread in {@code slot}, for reports. */
    String threadName(int slot) {
        return baton.slots[slot].name;
    }

    /** Stops the execution with {@code f}; the caller throws what this returns. */
    Error fail(Failure f) {
        points.stop(f);
        return Killed.INSTANCE;
    }

    /** Reports a volatile object made before the last crash. */
    void checkGeneration(Object object, int objectGeneration) {
        if (objectGeneration != ex.generation) {
            throw fail(new Failure.StaleObject(object.toString(), objectGeneration + 1));
        }
    }

    SimTask spawn(Runnable body) {
        SimThread me = me();
        if (ex.direct) {
            throw new IllegalStateException("spawn is not allowed during boot: boot runs alone, before any"
                    + " scheduling point; start background threads from an operation or from recovery");
        }
        if (ex.threadCount == maxThreads) {
            throw fail(new Failure.LockMisuse("too many threads: the bound is " + maxThreads));
        }
        point(me, Action.of(Action.SPAWN, me.slot, 0), null);
        SimThread child = baton.slots[ex.threadCount++];
        child.reset("s" + (child.slot - 1), -1, body);
        System.arraycopy(me.clock, 0, child.clock, 0, maxThreads);
        child.clock[child.slot] = 1;
        me.clock[me.slot]++;
        child.pending = Action.of(Action.START, child.slot, 0);
        baton.ensureWorker(child.slot);
        if (ex.rec.tracing) {
            ex.rec.line(me.name, "spawn " + child.name);
        }
        return new SimTask(this, child, ex.generation);
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
        if (bound > ex.randomDomain && !ex.direct) {
            noteRandomCut(bound, v);
        }
        if (ex.rec.tracing) {
            ex.rec.line(me.name, "random(" + bound + ") -> " + v);
        }
        return v;
    }

    /**
     * A random call whose bound is larger than the explored domain: the search cannot cover it.
     * Notes where (once per machine), and whether it repeated a value an earlier cut call drew:
     * in a small domain repeats are common, with the real bound they are rare.
     */
    private void noteRandomCut(int bound, int value) {
        ex.randomCut = true;
        if (ex.randomCutWhere == null) {
            ex.randomCutWhere = "random(" + bound + ")" + StuckReport.userFrame(new Throwable().getStackTrace())
                    + " explored only " + ex.randomDomain + " of its " + bound + " values";
        }
        boolean seen;
        if (value < 64) {
            seen = (ex.randomSeen & (1L << value)) != 0;
            ex.randomSeen |= 1L << value;
        } else {
            seen = !ex.randomSeenLarge.add(value);
        }
        ex.randomRepeated |= seen;
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
        public int stepDeciding(int kind, long object) {
            SimThread me = me();
            me.chosenValue = 0;
            point(me, Action.of(kind, me.slot, object), null);
            return me.chosenValue;
        }

        @Override
        public void checkGeneration(Object object, int objectGeneration) {
            Machine.this.checkGeneration(object, objectGeneration);
        }

        @Override
        public int generation() {
            return ex.generation;
        }

        @Override
        public boolean crashPossible() {
            return Machine.this.crashPossible();
        }

        @Override
        public boolean tracing() {
            return ex.rec.tracing;
        }

        @Override
        public void trace(String text) {
            ex.rec.line(me().name, text);
        }
    }
}
