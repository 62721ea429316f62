package armada.sim;

/**
 * What a thread has read from memory (cells, atomic cells, lock hand-overs) since its own last
 * change to shared or durable state, with the version each object had. A read that repeats an
 * entry while every entry is still current cannot see anything new: the thread is spinning, and
 * waits (this log is then its wait condition) until another thread changes something it read.
 *
 * <p>Bounded: past {@link #CAPACITY} entries the log forgets everything, which only makes
 * spinning detected later, never wrongly.
 */
final class SpinLog {

    /** An object whose version changes with every write (a cell) or hand-over (a lock). */
    interface Versioned {
        int version();
    }

    static final int CAPACITY = 32;

    private final Versioned[] objects = new Versioned[CAPACITY];
    private final int[] versions = new int[CAPACITY];
    private final int[] kinds = new int[CAPACITY];
    private final int[] args = new int[CAPACITY];
    private int size;

    void clear() {
        size = 0;
    }

    /**
     * Records that the thread read {@code object} at {@code version} with a step of {@code kind}
     * and {@code arg}; only the latest such read of an object counts.
     */
    void read(Versioned object, int version, int kind, int arg) {
        for (int i = 0; i < size; i++) {
            if (same(objects[i], object) && kinds[i] == kind && args[i] == arg) {
                versions[i] = version;
                return;
            }
        }
        if (size == CAPACITY) {
            size = 0;
        }
        objects[size] = object;
        versions[size] = version;
        kinds[size] = kind;
        args[size] = arg;
        size++;
    }

    /**
     * Like {@link #read}, for an object whose one version covers all its reads (a lower layer):
     * its entries at other versions are dropped, since the thread has seen it as it is now.
     */
    void readWhole(Versioned object, int version, int kind, int arg) {
        int k = 0;
        for (int i = 0; i < size; i++) {
            if (!same(objects[i], object) || versions[i] == version) {
                objects[k] = objects[i];
                versions[k] = versions[i];
                kinds[k] = kinds[i];
                args[k] = args[i];
                k++;
            }
        }
        size = k;
        read(object, version, kind, arg);
    }

    /**
     * Whether reading {@code object} now, with a step of {@code kind} and {@code arg}, would only
     * repeat what the thread has seen: the same read is logged at the object's current version and
     * nothing else it read has changed.
     */
    boolean repeats(Versioned object, int kind, int arg) {
        return indexOf(object, object.version(), kind, arg) >= 0 && !changed();
    }

    /** Whether some object read has changed since: a waiting spinner may run again. */
    boolean changed() {
        for (int i = 0; i < size; i++) {
            if (objects[i].version() != versions[i]) {
                return true;
            }
        }
        return false;
    }

    /** The objects read, for a report: {@code cell#1, lock#0}. */
    String describe() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < size; i++) {
            String name = objects[i].toString();
            if (b.indexOf(name) < 0) {
                if (!b.isEmpty()) {
                    b.append(", ");
                }
                b.append(name);
            }
        }
        return b.toString();
    }

    private int indexOf(Versioned object, int version, int kind, int arg) {
        for (int i = 0; i < size; i++) {
            if (same(objects[i], object) && versions[i] == version && kinds[i] == kind && args[i] == arg) {
                return i;
            }
        }
        return -1;
    }

    /** Simulated objects are the same object only if they are one: identity is their equality. */
    @SuppressWarnings("ReferenceEquality")
    private static boolean same(Versioned a, Versioned b) {
        return a == b;
    }

    @Override
    public String toString() {
        return "a change to " + describe() + " (spinning: nothing it read has changed)";
    }
}
