package armada.sim;

/**
 * The footprint of one step, packed in a {@code long}: kind (8 bits), thread slot (8 bits) and
 * object (48 bits). Two steps conflict when their order can matter; the explorer's
 * partial-order reduction only reorders steps that do not conflict.
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
    /** Not a thread's step: the machine crashes. */
    public static final int CRASH = 30;
    /** Not a thread's step: a disk fails. */
    public static final int FAIL = 31;

    private Action() {
    }

    public static long of(int kind, int slot, long object) {
        return ((long) kind << 56) | ((long) slot << 48) | (object & 0xFFFF_FFFF_FFFFL);
    }

    public static int kind(long action) {
        return (int) (action >>> 56);
    }

    public static int slot(long action) {
        return (int) (action >>> 48) & 0xFF;
    }

    public static long object(long action) {
        return action & 0xFFFF_FFFF_FFFFL;
    }

    static long block(int disk, int addr) {
        return ((long) disk << 32) | (addr & 0xFFFF_FFFFL);
    }

    static int diskOf(long object) {
        return (int) (object >>> 32);
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
        if (ka == RANDOM || kb == RANDOM || ka == START || kb == START || ka == END || kb == END) {
            return false;
        }
        if (ka == SPAWN || kb == SPAWN || ka == JOIN || kb == JOIN) {
            return true;
        }
        if (ka == CRASH || kb == CRASH) {
            int other = ka == CRASH ? kb : ka;
            return other == WRITE || other == INVOKE || other == RETURN || other == CRASH || other == FAIL
                    || other == FS_WRITE || other == FS_GLOBAL || other == FS_SYNC || other == BARRIER;
        }
        if (ka == FAIL || kb == FAIL) {
            long fail = ka == FAIL ? a : b;
            long other = ka == FAIL ? b : a;
            int ko = kind(other);
            if (ko == FAIL) {
                return true;
            }
            if (ko == BARRIER) {
                return object(other) == object(fail);
            }
            return (ko == READ || ko == WRITE) && diskOf(object(other)) == object(fail);
        }
        if (ka == BARRIER || kb == BARRIER) {
            long barrier = ka == BARRIER ? a : b;
            long other = ka == BARRIER ? b : a;
            return kind(other) == WRITE && diskOf(object(other)) == object(barrier);
        }
        boolean fsA = ka >= FS_READ && ka <= FS_SYNC;
        boolean fsB = kb >= FS_READ && kb <= FS_SYNC;
        if (fsA || fsB) {
            if (!(fsA && fsB)) {
                return false;
            }
            if (ka == FS_GLOBAL || kb == FS_GLOBAL) {
                return true;
            }
            if (object(a) != object(b)) {
                return false;
            }
            return ka == FS_WRITE || kb == FS_WRITE;
        }
        if (ka == INVOKE || ka == RETURN || kb == INVOKE || kb == RETURN) {
            return (ka == INVOKE && kb == RETURN) || (ka == RETURN && kb == INVOKE);
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
}
