package armada.world;

/**
 * A memory cell shared between threads. Accesses must be ordered by locks (or by spawn and
 * join): two accesses from different threads, at least one a write, with no such order between
 * them are a data race, which the checker reports.
 */
public interface Cell<T> {

    T get();

    void set(T value);
}
