package armada.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conflict relation the partial-order reduction trusts, pinned pair by pair: for every two
 * kinds of step, taken by two different threads (or, for a crash and a disk failure, by the
 * machine), whether they conflict, on the same object or on different ones, on an ORDERED
 * device (one queue) or not. A wrong "no" here is a missed execution; a wrong "yes" only costs
 * time. A crash-state choice ({@code s<k>}) has the crash's footprint and comes right after it;
 * the explorer empties its sleep set there, so it needs no row of its own.
 */
class ActionConflictTest {

    /** The kinds, in the order of the matrix's rows and columns. */
    private static final int[] KINDS = {
        Action.START, Action.INVOKE, Action.RETURN, Action.READ, Action.WRITE, Action.BARRIER, Action.LOCK,
        Action.UNLOCK, Action.GET, Action.SET, Action.SPIN, Action.SPAWN, Action.JOIN, Action.RANDOM, Action.END,
        Action.FS_READ, Action.FS_WRITE, Action.FS_GLOBAL, Action.FS_SYNC, Action.FS_LINK, Action.RECOVER, Action.LOCAL,
        Action.LAYER, Action.CRASH, Action.FAIL,
    };

    /**
     * Row i, column j: does kind i conflict with kind j? {@code x} always, {@code .} never,
     * {@code o} on the same object only (block, cell, lock, file or directory), {@code d} on the
     * same disk only, {@code q} on the same object, or anywhere on one ORDERED device.
     */
    private static final String[] MATRIX = {
        //      S I R r w b L U g s p S J ? E f F G Y k V l y C X
        /* START   */ ". . . . . . . . . . . . . . . . . . . . . . . . .", // starting touches nothing shared
        /* INVOKE  */ ". . x . . . . . . . . x x . . . . . . . . . . x .", // an invoke before or after a return is real-time order; a crash cuts it off or not
        /* RETURN  */ ". x . . . . . . . . . x x . . . . . . . . . . x .", // the same for a return
        /* READ    */ ". . . . o . . . . . . x x . . . . . . . . . . . d", // a read sees a write of its block; a failed disk reads nothing
        /* WRITE   */ ". . . o q d . . . . . x x . . . . . . . . . . x d", // writes of one block overwrite; ORDERED queues them; a barrier flushes them; a crash sees them
        /* BARRIER */ ". . . . d . . . . . . x x . . . . . . . . . . x d", // a barrier makes its disk's writes durable: writes and crashes see that
        /* LOCK    */ ". . . . . . o o . . x x x . . . . . . . . . . . .", // one lock's acquisitions are ordered; a spinner waits for its hand-over
        /* UNLOCK  */ ". . . . . . o o . . x x x . . . . . . . . . . . .", // the same for a release
        /* GET     */ ". . . . . . . . . o . x x . . . . . . . . . . . .", // a get sees a set of its cell
        /* SET     */ ". . . . . . . . o o x x x . . . . . . . . . . . .", // sets of one cell overwrite; a spinner waits for any set
        /* SPIN    */ ". . . . . . x x . x . x x . . . . . . . . . x . .", // a spinner re-reads once something it read changes
        /* SPAWN   */ ". x x x x x x x x x x x x . . x x x x x x . x x x", // spawn and join order threads: kept in place against everything
        /* JOIN    */ ". x x x x x x x x x x x x . . x x x x x x . x x x", // (ditto)
        /* RANDOM  */ ". . . . . . . . . . . . . . . . . . . . . . . . .", // a random value is the thread's own
        /* END     */ ". . . . . . . . . . . . . . . . . . . . . . . . .", // the end point only marks where a crash may come
        /* FS_READ */ ". . . . . . . . . . . x x . . . o x . o . . . . .", // a read of a file or directory sees its changes
        /* FS_WRITE*/ ". . . . . . . . . . . x x . . o q x o q . . . x .", // changes to one object overwrite; ORDERED queues the whole file system; fsync and crash see them
        /* FS_GLOB */ ". . . . . . . . . . . x x . . x x x x x . . . x .", // a rename or link across directories touches two: kept in place against every file-system step
        /* FS_SYNC */ ". . . . . . . . . . . x x . . . o x . o . . . x .", // an fsync makes its object's changes durable: a crash sees that
        /* FS_LINK */ ". . . . . . . . . . . x x . . o q x o q . . . x .", // a link reads its source and writes its target: on one object, like a change
        /* RECOVER */ ". . . . . . . . . . . x x . . . . . . . . . . x .", // a crash before recovery completes is in its episode, after it a new one
        /* LOCAL   */ ". . . . . . . . . . . . . . . . . . . . . . . . .", // an fsync or barrier no crash will ever see
        /* LAYER   */ ". . . . . . . . . . x x x . . . . . . . . . o x .", // one lower layer's calls are ordered (until a checked mover claim says otherwise); a crash applies its crash step
        /* CRASH   */ ". x x . x x . . . . . x x . . . x x x x x . x x x", // a crash sees durable state and the history, nothing volatile
        /* FAIL    */ ". . . d d d . . . . . x x . . . . . . . . . . x x", // a failed disk stops answering its reads and writes
    };

    /** A step of {@code kind} by {@code slot} on object {@code which} (0 or 1), on disk {@code disk}. */
    private static long step(int kind, int slot, int which, int disk, boolean queued) {
        long q = queued ? Action.QUEUED : 0;
        long object = switch (kind) {
            case Action.READ, Action.WRITE -> Action.block(disk, which) | q;
            case Action.BARRIER, Action.FAIL -> disk;
            case Action.FS_READ, Action.FS_WRITE, Action.FS_GLOBAL, Action.FS_SYNC, Action.FS_LINK ->
                    (which == 0 ? SimFileSystem.dirObject(0) : SimFileSystem.inodeObject(which)) | q;
            case Action.JOIN -> 1;
            default -> which;
        };
        boolean machine = kind == Action.CRASH || kind == Action.FAIL;
        return Action.of(kind, machine ? 0 : slot, object);
    }

    private static boolean expected(char code, boolean sameObject, boolean sameDisk, boolean queued) {
        return switch (code) {
            case 'x' -> true;
            case '.' -> false;
            case 'o' -> sameObject;
            case 'd' -> sameDisk;
            case 'q' -> sameObject || (queued && sameDisk);
            default -> throw new IllegalArgumentException("no such code " + code);
        };
    }

    private static char code(int i, int j) {
        return MATRIX[i].replace(" ", "").charAt(j);
    }

    private static boolean fs(int kind) {
        return (kind >= Action.FS_READ && kind <= Action.FS_SYNC) || kind == Action.FS_LINK;
    }

    @Test
    void matrix_isSquareAndSymmetric() {
        // A conflict is between two steps, whichever comes first: the table says so too.
        for (int i = 0; i < KINDS.length; i++) {
            for (int j = 0; j < KINDS.length; j++) {
                assertThat(code(i, j)).as("row %d column %d against row %d column %d", i, j, j, i)
                        .isEqualTo(code(j, i));
            }
        }
    }

    @Test
    void everyPairOfKinds_conflictsExactlyAsTheMatrixSays() {
        // Each pair on the same object and on another one, on one disk and on two, with and
        // without the ORDERED queue flag; the relation must also be symmetric.
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < KINDS.length; i++) {
            for (int j = 0; j < KINDS.length; j++) {
                for (int objects = 0; objects < 3; objects++) {
                    boolean sameObject = objects == 0;
                    // The file system is one device (one ORDERED queue) whatever the objects.
                    boolean sameDisk = objects < 2 || (fs(KINDS[i]) && fs(KINDS[j]));
                    for (boolean queued : new boolean[] {false, true}) {
                        long a = step(KINDS[i], 1, 0, 0, queued);
                        long b = step(KINDS[j], 2, sameObject ? 0 : 1, sameDisk ? 0 : 1, queued);
                        boolean want = expected(code(i, j), sameObject, sameDisk, queued);
                        boolean got = Action.conflict(a, b);
                        if (got != want || Action.conflict(b, a) != got) {
                            wrong.add(name(KINDS[i]) + " x " + name(KINDS[j]) + (sameObject ? " same object"
                                    : sameDisk ? " other object" : " other disk") + (queued ? " ORDERED" : "")
                                    + ": conflict " + got + ", expected " + want);
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void gluedLayerCall_racesOnlyWithItsOwnThreadACrashSpawnAndJoin() {
        // A call glued to its thread's previous one by the mover reduction: no other thread's call
        // of the layer can come between them, so its races are the first call's; a crash must
        // still see it (crash points stay inside a glued stretch).
        long glued = Action.of(Action.LAYER, 1, Action.MOVED);
        assertThat(Action.moved(glued)).isTrue();
        assertThat(Action.moved(Action.of(Action.LAYER, 1, 0))).isFalse();
        assertThat(Action.moved(Action.of(Action.WRITE, 1, Action.MOVED))).as("only a layer call is glued").isFalse();
        for (int kind : KINDS) {
            long other = step(kind, 2, 0, 0, false);
            boolean want = kind == Action.CRASH || kind == Action.SPAWN || kind == Action.JOIN;
            assertThat(Action.conflict(glued, other)).as("glued call against %s", name(kind)).isEqualTo(want);
            assertThat(Action.conflict(other, glued)).as("%s against a glued call", name(kind)).isEqualTo(want);
        }
        assertThat(Action.conflict(glued, Action.of(Action.LAYER, 2, Action.MOVED))).isFalse();
        assertThat(Action.conflict(glued, Action.of(Action.GET, 1, 7))).as("its own thread's step").isTrue();
    }

    @Test
    void twoStepsOfOneThread_alwaysConflict() {
        // A thread's own steps run in program order: never swapped.
        for (int kind : KINDS) {
            if (kind == Action.CRASH || kind == Action.FAIL) {
                continue;
            }
            for (int other : KINDS) {
                if (other == Action.CRASH || other == Action.FAIL) {
                    continue;
                }
                assertThat(Action.conflict(step(kind, 1, 0, 0, false), step(other, 1, 1, 1, false)))
                        .as(name(kind) + " then " + name(other) + " by one thread").isTrue();
            }
        }
    }

    @Test
    void crashAndDurableWrite_conflictUnderEveryModel() {
        // DESIGN.md section 4: a crash observes the whole durable state, so it depends on every
        // durable write. The mutant that drops this rule once passed the whole suite.
        for (boolean queued : new boolean[] {false, true}) {
            long crash = Action.of(Action.CRASH, 0, 0);
            assertThat(Action.conflict(crash, step(Action.WRITE, 1, 0, 0, queued))).isTrue();
            assertThat(Action.conflict(step(Action.FS_WRITE, 1, 0, 0, queued), crash)).isTrue();
        }
    }

    @Test
    void namesAndPairsOfNames_overlapWhereTheyShareAName() {
        // A name, two names (link, rename), a directory, a file: what each may touch.
        long a = FsObjects.entry(0, "a");
        long b = FsObjects.entry(0, "b");
        long otherDirA = FsObjects.entry(1, "a");
        long linkAtoC = FsObjects.pair(0, "a", 1, "c");
        long dir0 = FsObjects.dir(0);
        long inode = FsObjects.inode(3);
        assertThat(FsObjects.touchSame(a, a)).isTrue();
        assertThat(FsObjects.touchSame(a, b)).isFalse();
        assertThat(FsObjects.touchSame(a, otherDirA)).isFalse();
        assertThat(FsObjects.touchSame(a, linkAtoC)).isTrue();
        assertThat(FsObjects.touchSame(b, linkAtoC)).isFalse();
        assertThat(FsObjects.touchSame(FsObjects.entry(1, "c"), linkAtoC)).isTrue();
        assertThat(FsObjects.touchSame(linkAtoC, FsObjects.pair(1, "c", 0, "z"))).isTrue();
        assertThat(FsObjects.touchSame(linkAtoC, FsObjects.pair(0, "b", 1, "d"))).isFalse();
        assertThat(FsObjects.touchSame(dir0, a)).isTrue();
        assertThat(FsObjects.touchSame(dir0, otherDirA)).isFalse();
        assertThat(FsObjects.touchSame(dir0, linkAtoC)).isTrue();
        assertThat(FsObjects.touchSame(inode, a)).isFalse();
        assertThat(FsObjects.touchSame(inode, dir0)).isFalse();
    }

    private static long fs(int kind, int slot, long object) {
        return Action.of(kind, slot, object);
    }

    @Test
    void fileSystemSteps_conflictByNameAndByDurabilityOrder() {
        long a = FsObjects.entry(0, "a");
        long b = FsObjects.entry(0, "b");
        long otherDir = FsObjects.entry(1, "b");
        long dir0 = FsObjects.dir(0);
        // A list sees every create in its directory; creates of two names commute...
        assertThat(Action.conflict(fs(Action.FS_READ, 1, dir0), fs(Action.FS_WRITE, 2, a))).isTrue();
        assertThat(Action.conflict(fs(Action.FS_WRITE, 1, b), fs(Action.FS_WRITE, 2, a))).isFalse();
        // ...unless the directory keeps a prefix of its changes (REORDERED, crash possible)...
        assertThat(Action.conflict(fs(Action.FS_WRITE, 1, b | FsObjects.DIR_ORDER),
                fs(Action.FS_WRITE, 2, a | FsObjects.DIR_ORDER))).isTrue();
        assertThat(Action.conflict(fs(Action.FS_WRITE, 1, otherDir | FsObjects.DIR_ORDER),
                fs(Action.FS_WRITE, 2, a | FsObjects.DIR_ORDER))).isFalse();
        // ...or the whole file system is one queue (ORDERED, crash possible).
        assertThat(Action.conflict(fs(Action.FS_WRITE, 1, otherDir | Action.QUEUED),
                fs(Action.FS_WRITE, 2, a | Action.QUEUED))).isTrue();
        // A link reads its source and writes its target: it orders against writes of either,
        // against reads of its target only, and under DIR_ORDER against changes of the target's directory.
        long link = FsObjects.pair(0, "a", 1, "c");
        assertThat(Action.conflict(fs(Action.FS_LINK, 1, link), fs(Action.FS_WRITE, 2, a))).isTrue();
        assertThat(Action.conflict(fs(Action.FS_LINK, 1, link), fs(Action.FS_READ, 2, a))).isFalse();
        assertThat(Action.conflict(fs(Action.FS_LINK, 1, link), fs(Action.FS_READ, 2, FsObjects.entry(1, "c")))).isTrue();
        assertThat(Action.conflict(fs(Action.FS_LINK, 1, link | FsObjects.DIR_ORDER),
                fs(Action.FS_WRITE, 2, FsObjects.entry(1, "z") | FsObjects.DIR_ORDER))).isTrue();
        assertThat(Action.conflict(fs(Action.FS_LINK, 1, link | FsObjects.DIR_ORDER),
                fs(Action.FS_WRITE, 2, b | FsObjects.DIR_ORDER))).isFalse();
        // An fsync of a directory orders against the changes in it, not against reads.
        assertThat(Action.conflict(fs(Action.FS_SYNC, 1, dir0), fs(Action.FS_WRITE, 2, a))).isTrue();
        assertThat(Action.conflict(fs(Action.FS_SYNC, 1, dir0), fs(Action.FS_READ, 2, a))).isFalse();
        assertThat(Action.conflict(fs(Action.FS_SYNC, 1, FsObjects.dir(1)), fs(Action.FS_WRITE, 2, a))).isFalse();
    }

    private static String name(int kind) {
        return switch (kind) {
            case Action.START -> "start";
            case Action.INVOKE -> "invoke";
            case Action.RETURN -> "return";
            case Action.READ -> "read";
            case Action.WRITE -> "write";
            case Action.BARRIER -> "barrier";
            case Action.LOCK -> "lock";
            case Action.UNLOCK -> "unlock";
            case Action.GET -> "get";
            case Action.SET -> "set";
            case Action.SPIN -> "spin";
            case Action.SPAWN -> "spawn";
            case Action.JOIN -> "join";
            case Action.RANDOM -> "random";
            case Action.END -> "end";
            case Action.FS_READ -> "fs-read";
            case Action.FS_WRITE -> "fs-write";
            case Action.FS_GLOBAL -> "fs-global";
            case Action.FS_SYNC -> "fs-sync";
            case Action.FS_LINK -> "fs-link";
            case Action.RECOVER -> "recover";
            case Action.LOCAL -> "local";
            case Action.LAYER -> "layer";
            case Action.CRASH -> "crash";
            default -> "disk-failure";
        };
    }
}
