package armada.sim;

import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The hand-off between simulated threads: exactly one holds the baton and runs; the one that
 * reaches a scheduling point picks the next and passes the baton directly (no scheduler thread).
 * Client and spawned threads run on pooled virtual threads, one per slot, started once; slot 0
 * (boot, recovery, the operations after the clients) and client 0 during the client phase run
 * on the caller's thread.
 */
final class Baton {

    final SimThread[] slots;
    final SimThread main;
    private final @Nullable Thread[] workers;
    /** What a worker does when its thread's body has ended (with what it threw, if anything). */
    interface Ended {
        void ended(SimThread t, @Nullable Throwable error);
    }

    private final Ended ended;
    private volatile @Nullable SimThread holder;
    private volatile boolean shutdown;
    /** Given up on from outside (a stuck execution): every thread dies at its next World call. */
    volatile boolean aborted;
    /** The simulated thread whose code runs now (the one World calls come from). */
    @Nullable SimThread current;

    Baton(int maxThreads, Ended ended) {
        this.slots = new SimThread[maxThreads];
        this.workers = new Thread[maxThreads];
        for (int i = 0; i < maxThreads; i++) {
            slots[i] = new SimThread(i, maxThreads);
        }
        this.main = slots[0];
        this.ended = ended;
    }

    /** The thread holding the baton, for a watchdog on another thread. */
    @Nullable SimThread holder() {
        return holder;
    }

    boolean holds(SimThread t) {
        return holder == t;
    }

    /** Makes {@code t} current and the holder, without waking anyone (it runs on this thread). */
    void keep(SimThread t) {
        current = t;
        holder = t;
    }

    /** Passes the baton to {@code next} and wakes the Java thread it runs on. */
    void handTo(SimThread next) {
        current = next;
        holder = next;
        Thread carrier = next.onMain ? main.carrier : next.carrier;
        if (carrier != null) {
            LockSupport.unpark(carrier);
        }
    }

    /** Waits until {@code me} holds the baton; false if the machine shut down. */
    boolean await(SimThread me) {
        while (holder != me) {
            if (shutdown) {
                return false;
            }
            LockSupport.park(this);
        }
        return true;
    }

    /** Waits until the baton is {@code a}'s or {@code b}'s; false if the machine shut down. */
    boolean awaitEither(SimThread a, SimThread b) {
        while (holder != a && holder != b) {
            if (shutdown) {
                return false;
            }
            LockSupport.park(this);
        }
        return true;
    }

    /** A worker's wait: its thread's turn, unless that thread runs on slot 0's carrier now. */
    private boolean awaitTurn(SimThread t) {
        while (holder != t || t.onMain) {
            if (shutdown) {
                return false;
            }
            LockSupport.park(this);
        }
        return true;
    }

    /** Starts the worker of {@code slot} the first time it is needed. */
    void ensureWorker(int slot) {
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
            ended.ended(t, error);
        }
    }

    /** Stops every worker (they wake and end). */
    void shutdown() {
        shutdown = true;
        for (Thread w : workers) {
            if (w != null) {
                LockSupport.unpark(w);
            }
        }
    }

    boolean isShutdown() {
        return shutdown;
    }
}
