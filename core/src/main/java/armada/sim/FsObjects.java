package armada.sim;

/**
 * What a file-system step touches, packed in an action's 48-bit object (bit 47 is
 * {@link Action#QUEUED}; the type sits in bits 44 to 46): a whole directory, a file's data (an
 * inode), one name in a directory (an entry), or two names at once (a pair: a link or rename).
 * Names are kept as hashes; two names with the same hash count as one, which only makes steps
 * conflict that need not.
 */
final class FsObjects {

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
        return ((long) ENTRY << 44) | ((long) (dir & 0xFFF) << 32) | (name.hashCode() & 0xFFFF_FFFFL);
    }

    /** Two entries; only for directories below {@link #PAIR_DIRS}. */
    static long pair(int dir1, String name1, int dir2, String name2) {
        return ((long) PAIR << 44) | ((long) dir1 << 38) | ((long) h16(name1) << 22) | ((long) dir2 << 16) | h16(name2);
    }

    private static int h16(String name) {
        int h = name.hashCode();
        return (h ^ (h >>> 16)) & 0xFFFF;
    }

    private static int type(long o) {
        return (int) ((o >>> 44) & 7);
    }

    /** Whether two objects have something in common: a step on one can see or change the other. */
    static boolean overlap(long a, long b) {
        a &= ~Action.QUEUED;
        b &= ~Action.QUEUED;
        int ta = type(a);
        int tb = type(b);
        if (ta > tb) {
            return overlap(b, a);
        }
        if (ta == INODE || tb == INODE) {
            return a == b;
        }
        return switch (ta * 4 + tb) {
            case DIR * 4 + DIR, ENTRY * 4 + ENTRY -> a == b;
            case DIR * 4 + ENTRY -> a == entryDir(b);
            case DIR * 4 + PAIR -> a == (b >>> 38 & 63) || a == (b >>> 16 & 63);
            case ENTRY * 4 + PAIR -> half(a) == (b >>> 22 & 0x3F_FFFF) || half(a) == (b & 0x3F_FFFF);
            default -> { // PAIR, PAIR
                long a1 = a >>> 22 & 0x3F_FFFF;
                long a2 = a & 0x3F_FFFF;
                long b1 = b >>> 22 & 0x3F_FFFF;
                long b2 = b & 0x3F_FFFF;
                yield a1 == b1 || a1 == b2 || a2 == b1 || a2 == b2;
            }
        };
    }

    private static long entryDir(long entry) {
        return entry >>> 32 & 0xFFF;
    }

    /** An entry as a pair's half: 6 bits of directory, 16 of name hash. */
    private static long half(long entry) {
        long dir = entryDir(entry);
        int h = (int) entry;
        return dir >= PAIR_DIRS ? -1 : (dir << 16) | ((h ^ (h >>> 16)) & 0xFFFF);
    }
}
