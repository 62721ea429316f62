package armada.world;

/**
 * A memory cell whose accesses are atomic and synchronise, like a Java {@code volatile} field or
 * {@code AtomicReference}: they never race, a write is seen by every later read, and what a
 * thread did before a write happens before what a reader does after reading it. Values are
 * compared with {@code equals}. Use it for flags and spin locks; use a {@link Cell} under a
 * {@link Lock} for everything else.
 *
 * <p>Under the checker, a thread that reads an atomic cell again when nothing it read since its
 * own last write has changed is spinning: it waits until another thread writes what it read. If
 * every live thread waits like this, the execution is a livelock.
 */
public interface AtomicCell<T> extends Cell<T> {

    /** Sets the value to {@code update} if it equals {@code expected}; true if it did. */
    boolean compareAndSet(T expected, T update);

    /** Sets the value and returns the one it replaced. */
    T getAndSet(T update);
}
