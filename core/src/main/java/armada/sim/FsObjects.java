package armada.sim;

/**
 * What a file-system step touches, packed in an action's 48-bit object: bit 47 is
 * {@link Action#QUEUED} (ORDERED: one queue for the whole file system), bit 46 {@link #DIR_ORDER}
 * (REORDERED: each directory keeps a prefix of its own changes, so changes to one directory are
 * ordered), bits 44 and 45 the type: a whole directory, a file's data (an inode), one name in a
 * directory (an entry), or two names at once (a pair: a link or a rename).
 *
 * <p>Two steps conflict when one writes something the other reads or writes (a directory as a
 * whole overlaps every name in it), or, under an ordering flag, when both change the file system
 * (QUEUED) or the same directory (DIR_ORDER). A link reads its source name and writes its target
 * name; a rename writes both; an fsync conflicts with the changes it makes durable. Names are
 * compared by a 16-bit hash, so two names may count as one, which only adds conflicts.
 */
final class FsObjects {

    /** Object flag: changes to one directory are ordered (REORDERED durability, a crash still possible). */
    static final long DIR_ORDER = 1L << 46;

    private static final int DIR = 0;
    private static final int INODE = 1;
    private static final int ENTRY = 2;
    private static final int PAIR = 3;
    /** Directories a pair can name (6 bits each); beyond, a pair is not used. */
    static final int PAIR_DIRS = 64;

    private FsObjects() {
    }

    static long dir(int dir) {
        return dir & 0xFFF;
    }

    static long inode(int inode) {
        return ((long) INODE << 44) | (inode & 0xFF_FFFF_FFFFL);
    }

    static long entry(int dir, String name) {
        return ((long) ENTRY << 44) | ((long) (dir & 0xFFF) << 32) | h16(name);
    }

    /** Two entries; only for directories below {@link #PAIR_DIRS}. */
    static long pair(int dir1, String name1, int dir2, String name2) {
        return ((long) PAIR << 44) | ((long) dir1 << 38) | ((long) h16(name1) << 22) | ((long) dir2 << 16) | h16(name2);
    }

    /** The inode a file's-data object names (flags ignored), or -1 for any other object. */
    static int inodeOf(long object) {
        return type(object) == INODE ? (int) (object & 0xFF_FFFF_FFFFL) : -1;
    }

    private static int h16(String name) {
        int h = name.hashCode();
        return (h ^ (h >>> 16)) & 0xFFFF;
    }

    private static int type(long o) {
        return (int) ((o >>> 44) & 3);
    }

    // A target is what a step reads or writes: (type << 40) | (dir << 16) | name, or an inode.
    // Objects have at most two targets: t(o, 0) and, for a pair, t(o, 1). No allocation: these
    // run for every pair of steps the explorer compares.

    private static final long NONE = -1;

    private static long target(int type, long dir, long name) {
        return ((long) type << 40) | (dir << 16) | name;
    }

    /** Target {@code i} (0 or 1) of object {@code o}; NONE if it has no such target. */
    private static long t(long o, int i) {
        o &= ~(Action.QUEUED | DIR_ORDER);
        return switch (type(o)) {
            case DIR -> i == 0 ? target(DIR, o & 0xFFF, 0) : NONE;
            case INODE -> i == 0 ? ((long) INODE << 40) | (o & 0xFF_FFFF_FFFFL) : NONE;
            case ENTRY -> i == 0 ? target(ENTRY, o >>> 32 & 0xFFF, o & 0xFFFF) : NONE;
            default -> i == 0 ? target(ENTRY, o >>> 38 & 63, o >>> 22 & 0xFFFF) : target(ENTRY, o >>> 16 & 63, o & 0xFFFF);
        };
    }

    /** Target {@code i} the step writes: an FS_WRITE or FS_SYNC its object's, a link its target name. */
    private static long written(int kind, long o, int i) {
        return switch (kind) {
            case Action.FS_WRITE, Action.FS_SYNC -> t(o, i);
            case Action.FS_LINK -> i == 0 ? (t(o, 1) != NONE ? t(o, 1) : t(o, 0)) : NONE;
            default -> NONE;
        };
    }

    private static long read(int kind, long o, int i) {
        return kind == Action.FS_READ || kind == Action.FS_LINK ? t(o, i) : NONE;
    }

    private static boolean overlap(long a, long b) {
        if (a == NONE || b == NONE) {
            return false;
        }
        if (a == b) {
            return true;
        }
        int ta = (int) (a >>> 40);
        int tb = (int) (b >>> 40);
        if (ta == INODE || tb == INODE || (ta == ENTRY && tb == ENTRY)) {
            return false;
        }
        // A whole directory and anything in it.
        return (a >>> 16 & 0xFFFFFF) == (b >>> 16 & 0xFFFFFF);
    }

    private static boolean sameDir(long a, long b) {
        return a != NONE && b != NONE && (int) (a >>> 40) != INODE && (int) (b >>> 40) != INODE
                && (a >>> 16 & 0xFFFFFF) == (b >>> 16 & 0xFFFFFF);
    }

    private static boolean changes(int kind) {
        return kind == Action.FS_WRITE || kind == Action.FS_LINK;
    }

    /** Whether two file-system steps (not FS_GLOBAL) of different threads conflict. */
    static boolean conflict(int ka, long a, int kb, long b) {
        boolean both = changes(ka) && changes(kb);
        if (both && ((a | b) & Action.QUEUED) != 0) {
            return true;
        }
        boolean dirOrder = both && ((a | b) & DIR_ORDER) != 0;
        boolean sync = ka == Action.FS_SYNC || kb == Action.FS_SYNC;
        if (sync && !(ka == Action.FS_SYNC ? changes(kb) : changes(ka))) {
            // An fsync conflicts only with the changes it makes durable.
            return false;
        }
        for (int i = 0; i < 2; i++) {
            long wa = written(ka, a, i);
            for (int k = 0; k < 2; k++) {
                long wb = written(kb, b, k);
                if (overlap(wa, wb) || (dirOrder && sameDir(wa, wb))) {
                    return true;
                }
                if (!sync && (overlap(wa, read(kb, b, k)) || overlap(wb, read(ka, a, i)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether two objects have something in common: a name, or a directory and a name in it. */
    static boolean touchSame(long a, long b) {
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 2; k++) {
                if (overlap(t(a, i), t(b, k))) {
                    return true;
                }
            }
        }
        return false;
    }
}
