package armada.world;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A real mutual-exclusion lock over a {@link ReentrantLock}, but not reentrant, like the
 * simulated lock: locking it again from the thread that holds it, and unlocking it from a
 * thread that does not, throw {@link IllegalStateException}.
 */
final class RealLock implements Lock {

    private final int id;
    private final ReentrantLock lock = new ReentrantLock();

    RealLock(int id) {
        this.id = id;
    }

    @Override
    public void lock() {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException(current() + " locks " + this
                    + ", which it already holds; locks are not reentrant");
        }
        lock.lock();
    }

    @Override
    public void unlock() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException(current() + " unlocks " + this
                    + (lock.isLocked() ? ", which another thread holds" : ", which is free"));
        }
        lock.unlock();
    }

    private static String current() {
        Thread t = Thread.currentThread();
        return t.getName().isEmpty() ? t.toString() : "thread " + t.getName();
    }

    @Override
    public String toString() {
        return "lock#" + id;
    }
}
