package armada.world;

import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * A real thread started by {@link RealWorld#spawn}: a virtual thread. If the body throws, the
 * thread dies of it as usual and {@link #join()} rethrows it, wrapped, so the failure is not
 * lost (under the checker the same exception fails the whole execution).
 */
final class RealTask implements Task {

    private final Thread thread;
    /** Written before the thread ends; {@link Thread#join()} orders that before our read. */
    private @Nullable Throwable failure;

    private RealTask(String name, Runnable body) {
        this.thread = Thread.ofVirtual().name(name).unstarted(() -> run(body));
    }

    /** Starts a virtual thread called {@code name} running {@code body}. */
    static RealTask start(String name, Runnable body) {
        RealTask task = new RealTask(name, body);
        task.thread.start();
        return task;
    }

    private void run(Runnable body) {
        try {
            body.run();
        } catch (Throwable e) {
            failure = e;
            throw e;
        }
    }

    /**
     * Waits for the thread to end.
     *
     * @throws CompletionException if the body threw; the cause is what it threw
     * @throws IllegalStateException if the joining thread is interrupted while it waits; its
     *     interrupt flag is set again
     */
    @Override
    public void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining " + this, e);
        }
        Throwable f = failure;
        if (f != null) {
            throw new CompletionException(this + " failed: " + f, f);
        }
    }

    @Override
    public String toString() {
        return "task " + thread.getName();
    }
}
