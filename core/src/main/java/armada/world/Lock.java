package armada.world;

/** A mutual-exclusion lock, not reentrant. Unlocking a lock one does not hold is an error. */
public interface Lock {

    void lock();

    void unlock();
}
