package armada.sim;

/**
 * The footprint of one step, packed in a {@code long}: kind (8 bits), thread slot (8 bits) and
 * object (48 bits). Two steps conflict when their order can matter; the explorer's
 * partial-order reduction only reorders steps that do not conflict.
 *
 * <p>What "can matter" includes what a later crash can observe, so the relation depends on the
 * durability model, which the devices write into the footprint ({@link #QUEUED}):
 * <ul>
 *   <li>IMMEDIATE: a durable write is durable at once; writes to different blocks or files commute.
 *   <li>ORDERED: a crash keeps a prefix of one queue per disk (and one for the whole file
 *       system), in the order the writes ran, so any two durable changes to one disk (or to the
 *       file system) conflict, whatever block or file they touch: swapping them changes which
 *       prefixes exist.
 *   <li>REORDERED: each block, file and directory keeps a prefix of its own changes, and a
 *       rename across directories survives in both or neither, so changes to different objects
 *       commute even for a crash.
 * </ul>
 * A crash conflicts with every step that changes durable state or the history; a disk failure
 * with every access to its disk. File-system steps touch a directory, a file, one name or two
 * names ({@link FsObjects}); once no crash can come any more, the devices give finer footprints
 * (names instead of directories, no queue) and fsyncs and barriers become {@link #LOCAL}.
 */
public final class Action {

    public static final int START = 1;
    public static final int INVOKE = 2;
    public static final int RETURN = 3;
    public static final int READ = 4;
    public static final int WRITE = 5;
    public static final int LOCK = 6;
    public static final int UNLOCK = 7;
    public static final int GET = 8;
    public static final int SET = 9;
    public static final int SPAWN = 10;
    public static final int JOIN = 11;
    public static final int RANDOM = 12;
    public static final int END = 13;
    public static final int FS_READ = 14;
    public static final int FS_WRITE = 15;
    public static final int FS_GLOBAL = 16;
    public static final int FS_SYNC = 17;
    public static final int BARRIER = 18;
    /**
     * A thread that was blocked spinning (it re-read memory nobody changed) and waits for any
     * write to memory it read: conflicts with every write to a cell and every lock step.
     */
    public static final int SPIN = 19;
    /**
     * Slot 0 ends a recovery: the history records that recovery completed. Conflicts with a
     * crash (a crash before it is during recovery, after it is a new crash episode).
     */
    public static final int RECOVER = 20;
    /**
     * A step nothing else can observe: an fsync or a barrier when no crash can come any more
     * (durable state is then never seen again). Conflicts with nothing but its own thread.
     */
    public static final int LOCAL = 21;
    /** A link: reads its source name, writes its target name (a pair object, see FsObjects). */
    public static final int FS_LINK = 22;
    /**
     * A call of a lower layer's operation ({@link SimLayer}); the object is the layer. Conflicts
     * with every call of the same layer, with a crash and with a spinner's wait; a call glued by
     * the reduction from checked movers carries {@link #MOVED} and conflicts with less.
     */
    public static final int LAYER = 23;
    /** Not a thread's step: the machine crashes. */
    public static final int CRASH = 30;
    /** Not a thread's step: a disk fails. */
    public static final int FAIL = 31;

    /**
     * Object flag: the device keeps one ordered queue of unsynced changes (ORDERED durability),
     * so its durable changes conflict with each other whatever they touch.
     */
    public static final long QUEUED = 1L << 47;

    /**
     * Object flag of a {@link #LAYER} step: the call is glued to the same thread's previous call
     * of the layer by the reduction from checked movers ({@link MoverStretches}), so no other
     * thread's call of the layer can come between them. It then conflicts only with its own
     * thread's steps, with a crash and with spawn and join: its races with other threads' calls
     * are the races of the call that began the stretch, which has the same footprint.
     */
    public static final long MOVED = 1L << 46;

    private static final long OBJECT = 0xFFFF_FFFF_FFFFL;

    private Action() {
    }

    public static long of(int kind, int slot, long object) {
        return ((long) kind << 56) | ((long) slot << 48) | (object & OBJECT);
    }

    public static int kind(long action) {
        return (int) (action >>> 56);
    }

    public static int slot(long action) {
        return (int) (action >>> 48) & 0xFF;
    }

    public static long object(long action) {
        return action & OBJECT;
    }

    static long block(int disk, int addr) {
        return ((long) disk << 32) | (addr & 0xFFFF_FFFFL);
    }

    static int diskOf(long object) {
        return (int) ((object & ~QUEUED) >>> 32);
    }

    private static boolean queued(long action) {
        return (action & QUEUED) != 0;
    }

    /** Whether {@code action} is a layer call glued to its thread's previous call ({@link #MOVED}). */
    public static boolean moved(long action) {
        return kind(action) == LAYER && (object(action) & MOVED) != 0;
    }

    private static boolean durableChange(int kind) {
        return kind == WRITE || kind == BARRIER || kind == FS_WRITE || kind == FS_GLOBAL || kind == FS_SYNC
                || kind == FS_LINK || kind == LAYER;
    }

    /** Whether {@code action} is a step of the simulated file system. */
    static boolean isFs(long action) {
        return fs(kind(action));
    }

    private static boolean fs(int kind) {
        return (kind >= FS_READ && kind <= FS_SYNC) || kind == FS_LINK;
    }

    /** True when {@code a} and {@code b} may not be swapped without changing what can happen. */
    public static boolean conflict(long a, long b) {
        int ka = kind(a);
        int kb = kind(b);
        boolean threadA = ka < CRASH;
        boolean threadB = kb < CRASH;
        if (threadA && threadB && slot(a) == slot(b)) {
            return true;
        }
        if (ka == RANDOM || kb == RANDOM || ka == START || kb == START || ka == END || kb == END
                || ka == LOCAL || kb == LOCAL) {
            return false;
        }
        if (ka == SPAWN || kb == SPAWN || ka == JOIN || kb == JOIN) {
            return true;
        }
        if (ka == CRASH || kb == CRASH) {
            int other = ka == CRASH ? kb : ka;
            return durableChange(other) || other == INVOKE || other == RETURN || other == RECOVER || other == CRASH
                    || other == FAIL;
        }
        if (ka == RECOVER || kb == RECOVER) {
            return false;
        }
        if (ka == FAIL || kb == FAIL) {
            return failConflict(ka == FAIL ? a : b, ka == FAIL ? b : a);
        }
        if (ka == SPIN || kb == SPIN) {
            long other = ka == SPIN ? b : a;
            int ko = kind(other);
            return ko == SET || ko == LOCK || ko == UNLOCK || (ko == LAYER && !moved(other));
        }
        if (ka == LAYER || kb == LAYER) {
            return ka == kb && !moved(a) && !moved(b) && object(a) == object(b);
        }
        if (ka == BARRIER || kb == BARRIER) {
            long barrier = ka == BARRIER ? a : b;
            long other = ka == BARRIER ? b : a;
            return kind(other) == WRITE && diskOf(object(other)) == object(barrier);
        }
        boolean fsA = fs(ka);
        boolean fsB = fs(kb);
        if (fsA || fsB) {
            return fsA && fsB && fsConflict(a, b);
        }
        if (ka == INVOKE || ka == RETURN || kb == INVOKE || kb == RETURN) {
            return (ka == INVOKE && kb == RETURN) || (ka == RETURN && kb == INVOKE);
        }
        if (ka == WRITE && kb == WRITE && queued(a) && diskOf(object(a)) == diskOf(object(b))) {
            return true;
        }
        if (object(a) != object(b)) {
            return false;
        }
        return switch (ka) {
            case READ -> kb == WRITE;
            case WRITE -> kb == READ || kb == WRITE;
            case LOCK, UNLOCK -> kb == LOCK || kb == UNLOCK;
            case GET -> kb == SET;
            case SET -> kb == GET || kb == SET;
            default -> true;
        };
    }

    private static boolean failConflict(long fail, long other) {
        int ko = kind(other);
        if (ko == FAIL) {
            return true;
        }
        if (ko == BARRIER) {
            return object(other) == object(fail);
        }
        return (ko == READ || ko == WRITE) && diskOf(object(other)) == object(fail);
    }

    private static boolean fsConflict(long a, long b) {
        int ka = kind(a);
        int kb = kind(b);
        if (ka == FS_GLOBAL || kb == FS_GLOBAL) {
            return true;
        }
        return FsObjects.conflict(ka, object(a), kb, object(b));
    }
}
