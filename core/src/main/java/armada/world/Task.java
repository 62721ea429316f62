package armada.world;

/** A thread started by {@link World#spawn}. */
public interface Task {

    /** Waits until the thread has finished. */
    void join();
}
