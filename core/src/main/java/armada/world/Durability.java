package armada.world;

/**
 * What a crash may keep of the writes that were not yet made durable (by a disk barrier, a file
 * fsync or a directory fsync). Each device keeps a queue of its unsynced operations.
 */
public enum Durability {

    /** Goose's model and the paper's: every operation is durable when it returns. */
    IMMEDIATE,

    /**
     * Unsynced operations survive in issue order: a crash keeps any prefix of the queue. An fsync
     * makes its own file's (or directory's) operations durable and takes them out of the queue.
     */
    ORDERED,

    /**
     * Unsynced operations survive per object: each disk block, each file's data and each
     * directory's entries keeps any prefix of its own unsynced operations, independently of
     * the others (bounded by the crash-state budget).
     */
    REORDERED
}
