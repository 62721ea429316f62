package armada.sim;

import armada.spec.Op;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The phases of one execution, all driven from slot 0 on the caller's thread: boot (alone,
 * without scheduling points), the clients (client 0 on this thread, the others on workers), then
 * after each crash recovery, and the operations after the clients, until one runs to its end or
 * the execution stops.
 */
final class Phases {

    private final int maxThreads;
    private final Execution ex;
    private final Baton baton;
    private final ChoicePoints points;
    private final CrashHandling crashes;
    private final Devices devices;
    private final LayerDevices layers;
    private final SimWorld world;

    Phases(int maxThreads, Execution ex, Baton baton, ChoicePoints points, CrashHandling crashes,
            Devices devices, LayerDevices layers, SimWorld world) {
        this.maxThreads = maxThreads;
        this.ex = ex;
        this.baton = baton;
        this.points = points;
        this.crashes = crashes;
        this.devices = devices;
        this.layers = layers;
        this.world = world;
    }

    /** Runs one execution to its end and returns what happened. */
    ExecutionRecord run(Workload w, Scheduler s, boolean tracing) {
        start(w, s, tracing);
        Object impl;
        ex.direct = true;
        try {
            impl = w.boot(world);
        } catch (Killed k) {
            return ex.finish();
        } catch (RuntimeException e) {
            ex.failure = ChoicePoints.userException("boot", e);
            return ex.finish();
        } finally {
            ex.direct = false;
        }
        // The state boot leaves is the scenario's starting point: durable by definition.
        devices.flushAll();
        runClients(w, impl);
        boolean crashed = ex.crashing;
        Object live = impl;
        while (ex.failure == null && !ex.abandoned) {
            if (crashed) {
                Object recovered = recoverLoop(w);
                if (recovered == null) {
                    break;
                }
                live = recovered;
            }
            Object postImpl = live;
            if (runMainPhase("post", () -> runOps(baton.main, w, postImpl, w.after(), true))) {
                break;
            }
            crashed = true;
        }
        return ex.finish();
    }

    private void start(Workload w, Scheduler s, boolean tracing) {
        ex.reset(w, s, tracing);
        devices.prepare(w);
        layers.reset();
        for (SimThread t : baton.slots) {
            t.state = SimThread.State.IDLE;
        }
        SimThread main = baton.main;
        main.reset("boot", -1, null);
        main.clock[0] = 1;
        main.carrier = Thread.currentThread();
        baton.keep(main);
    }

    private void runClients(Workload w, Object impl) {
        List<List<Op<?>>> clients = w.clients();
        if (1 + clients.size() > maxThreads) {
            throw new IllegalStateException("too many client threads: " + clients.size());
        }
        SimThread main = baton.main;
        main.state = SimThread.State.IDLE;
        main.clock[0]++;
        for (int i = 0; i < clients.size(); i++) {
            SimThread t = baton.slots[1 + i];
            List<Op<?>> ops = clients.get(i);
            t.reset("t" + i, i, () -> runOps(t, w, impl, ops, false));
            System.arraycopy(main.clock, 0, t.clock, 0, maxThreads);
            t.clock[t.slot] = 1;
            t.granted = true;
            t.pending = Action.of(ops.isEmpty() ? Action.START : Action.INVOKE, t.slot, 0);
            baton.ensureWorker(t.slot);
        }
        ex.threadCount = 1 + clients.size();
        if (clients.isEmpty()) {
            return;
        }
        SimThread t0 = baton.slots[1];
        t0.onMain = true;
        try {
            clientPhase(t0);
        } finally {
            t0.onMain = false;
        }
        for (int i = 1; i < ex.threadCount; i++) {
            Machine.joinClock(main.clock, baton.slots[i].clock);
        }
    }

    /**
     * The client phase, with client 0 running on this (the explorer's) thread rather than on a
     * worker: two fewer hand-offs per execution. Returns when every client thread has ended.
     */
    private void clientPhase(SimThread t0) {
        SimThread main = baton.main;
        SimThread first = points.schedule(null);
        if (first == null) {
            t0.state = SimThread.State.DONE;
            points.reap();
            return;
        }
        baton.keep(first);
        if (first != t0) {
            baton.handTo(first);
        }
        if (!baton.awaitEither(t0, main) || baton.holds(main)) {
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
        points.failIfUserError(t0, error);
        if (!ex.stopping && points.anyLive()) {
            SimThread next = points.schedule(t0);
            if (next != null) {
                baton.handTo(next);
                baton.await(main);
                return;
            }
        }
        if (ex.stopping) {
            points.reap();
        }
        // Client 0 ended last: the baton comes back to slot 0, never left with client 0, or the
        // worker of its slot would take it once the phase is over.
        baton.keep(main);
    }

    private void runOps(SimThread me, Workload w, Object impl, List<Op<?>> ops, boolean endPoint) {
        Recorder rec = ex.rec;
        for (Op<?> op : ops) {
            points.point(me, Action.of(Action.INVOKE, me.slot, 0), null);
            int id = rec.invoke(me.historyId, op);
            if (rec.tracing) { rec.line(me.name, "invoke " + op); }
            Object result = w.apply(impl, op);
            points.point(me, Action.of(Action.RETURN, me.slot, 0), null);
            rec.ret(me.historyId, id, result);
            if (rec.tracing) { rec.line(me.name, "return " + armada.check.Values.show(result)); }
        }
        if (endPoint && ex.crashes < w.maxCrashes()) {
            points.point(me, Action.of(Action.END, me.slot, 0), null);
        }
    }

    private @Nullable Object recoverLoop(Workload w) {
        while (true) {
            if (!crashes.afterCrash()) {
                return null;
            }
            Object[] out = new Object[1];
            if (runMainPhase("rec", () -> {
                out[0] = w.recover(world);
                // Recovery is complete once its body returns: one more scheduling point, so that a
                // crash just before that (still in this episode) and one just after are both tried.
                points.point(baton.main, Action.of(Action.RECOVER, 0, 0), null);
            })) {
                ex.rec.recovered();
                if (ex.rec.tracing) { ex.rec.line("machine", "recovery complete"); }
                return out[0];
            }
            if (ex.failure != null || ex.abandoned) {
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
        SimThread main = baton.main;
        boolean post = name.equals("post");
        main.historyId = post ? ex.workload.clients().size() : -1;
        main.name = post ? "t" + main.historyId : name;
        main.state = SimThread.State.READY;
        main.killed = false;
        main.pending = 0;
        main.waitingOn = null;
        main.spin.clear();
        baton.current = main;
        try {
            body.run();
            if (main.killed) {
                // The body caught the crash (or the stop) and returned anyway: it was killed all the same.
                throw Killed.INSTANCE;
            }
            main.state = SimThread.State.DONE;
            if (post && points.anyLive()) {
                SimThread next = points.schedule(main);
                if (next == null) {
                    points.reap();
                    return false;
                }
                baton.handTo(next);
                baton.await(main);
                if (ex.stopping) {
                    points.reap();
                    return false;
                }
            }
            return true;
        } catch (Killed k) {
            main.state = SimThread.State.DONE;
            points.reap();
            return false;
        } catch (RuntimeException e) {
            main.state = SimThread.State.DONE;
            if (!ex.stopping) {
                points.stop(ChoicePoints.userException(name, e));
            }
            points.reap();
            return false;
        }
    }
}
