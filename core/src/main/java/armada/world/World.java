package armada.world;

/**
 * Everything checked code may touch that is shared between threads or survives a crash.
 *
 * <p>Under the checker each call is one atomic step and one scheduling point; in production
 * ({@link RealWorld}) the calls go to real files and real threads. Code under check uses no
 * other source of shared or durable state: no static mutable fields, no {@code java.io},
 * no {@code Thread}, no {@code synchronized}, no clocks.
 */
public interface World {

    /** The number of disks this World was set up with. */
    int diskCount();

    /** Disk {@code index}, from 0. Disks are durable: a handle stays valid across crashes. */
    Disk disk(int index);

    /** The file system of this World (with no directories if the setup declared none). */
    FileSystem fileSystem();

    /** A new, free lock. Locks are volatile: a crash destroys them. */
    Lock newLock();

    /** A new memory cell holding {@code initial}. Cells are volatile: a crash destroys them. */
    <T> Cell<T> newCell(T initial);

    /** A new atomic cell holding {@code initial}: for flags and spin locks. Volatile: a crash destroys it. */
    <T> AtomicCell<T> newAtomicCell(T initial);

    /**
     * Starts a thread running {@code body}. Threads die at a crash. A thread started by recovery
     * keeps running after recovery returns, interleaved with what follows, until it ends or the
     * next crash.
     */
    Task spawn(Runnable body);

    /**
     * A value in {@code [0, bound)}. Under the checker the value is chosen by the explorer from
     * a small domain (the first few values), so that every branch of a retry loop is explored.
     */
    int random(int bound);
}
