package armada.sim;

/**
 * The options at one scheduling point where more than one thing can happen. Option codes are
 * stable across replays of the same schedule prefix, so a strategy can store and compare them.
 *
 * <p>An option is a thread taking its next step (with a value, for {@code random}), a crash, or
 * the failure of a disk. The machine reuses one instance: strategies must copy what they keep.
 */
public final class Choice {

    public static final int THREAD = 0;
    public static final int CRASH = 1;
    public static final int FAIL = 2;
    public static final int SURVIVE = 3;

    long[] codes = new long[16];
    long[] actions = new long[16];
    int size;
    int current = -1;

    void clear(int currentSlot) {
        size = 0;
        current = currentSlot;
    }

    void add(long code, long action) {
        if (size == codes.length) {
            codes = java.util.Arrays.copyOf(codes, size * 2);
            actions = java.util.Arrays.copyOf(actions, size * 2);
        }
        codes[size] = code;
        actions[size] = action;
        size++;
    }

    public int size() {
        return size;
    }

    /** Option {@code i}'s code: see {@link #thread(int, int)}, {@link #crash()}, {@link #fail(int)}. */
    public long code(int i) {
        return codes[i];
    }

    /** Option {@code i}'s footprint, for {@link Action#conflict}. */
    public long action(int i) {
        return actions[i];
    }

    /** The slot of the thread that reached this point, or -1 when no thread is running. */
    public int current() {
        return current;
    }

    public static long thread(int slot, int value) {
        return ((long) THREAD << 40) | ((long) value << 16) | slot;
    }

    public static long crash() {
        return (long) CRASH << 40;
    }

    public static long fail(int disk) {
        return ((long) FAIL << 40) | disk;
    }

    /** After a crash: the {@code index}th distinct state the durable devices may be left in. */
    public static long survive(int index) {
        return ((long) SURVIVE << 40) | index;
    }

    public static int kind(long code) {
        return (int) (code >>> 40);
    }

    /** The thread slot of a thread option, or the disk of a failure option. */
    public static int target(long code) {
        return (int) (code & 0xFFFF);
    }

    /** The value chosen for a thread's {@code random} step (0 otherwise). */
    public static int value(long code) {
        return (int) ((code >>> 16) & 0xFF_FFFF);
    }

    /**
     * The schedule token of an option: {@code t0} (client thread 0; threads are numbered by
     * slot, spawned threads after the clients), {@code m} (the main thread: recovery and the
     * operations after the clients), {@code t1r0} (a thread whose {@code random} returns 0),
     * {@code c} (crash), {@code s2} (after a crash, the third distinct durable state), {@code f0}
     * (disk 0 fails).
     */
    public static String token(long code) {
        return switch (kind(code)) {
            case THREAD -> {
                int slot = target(code);
                String who = slot == 0 ? "m" : "t" + (slot - 1);
                yield isRandom(code) ? who + "r" + (value(code) - 1) : who;
            }
            case CRASH -> "c";
            case SURVIVE -> "s" + target(code);
            default -> "f" + target(code);
        };
    }

    private static boolean isRandom(long code) {
        return value(code) != 0;
    }

    /** Parses one schedule token; throws IllegalArgumentException on a malformed one. */
    public static long parse(String token) {
        try {
            if (token.equals("c")) {
                return crash();
            }
            if (token.startsWith("f")) {
                return fail(Integer.parseInt(token.substring(1)));
            }
            if (token.startsWith("s")) {
                return survive(Integer.parseInt(token.substring(1)));
            }
            int r = token.indexOf('r');
            String who = r < 0 ? token : token.substring(0, r);
            int slot;
            if (who.equals("m")) {
                slot = 0;
            } else if (who.startsWith("t")) {
                slot = 1 + Integer.parseInt(who.substring(1));
            } else {
                throw new NumberFormatException(who);
            }
            if (slot < 0 || slot > 0xFFFF) {
                throw new NumberFormatException(who);
            }
            return thread(slot, r < 0 ? 0 : 1 + Integer.parseInt(token.substring(r + 1)));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("bad schedule token '" + token
                    + "' (tokens are t<N>, m, t<N>r<V>, c, s<K>, f<D>, joined by dots)");
        }
    }
}
