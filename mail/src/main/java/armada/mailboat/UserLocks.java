package armada.mailboat;

/**
 * The per-user lock held from Pickup to Unlock. Mailboat keeps it in memory (the paper's point
 * against CMAIL's file locks); a file-lock implementation exists for the benchmark.
 */
public interface UserLocks {

    void lock(String user);

    void unlock(String user);

    /**
     * Makes a lock for a user whose Maildir was created at run time, before the library lets
     * anyone use it. Implementations that lock any name (a map filled on demand) need nothing.
     */
    default void add(String user) {
    }
}
