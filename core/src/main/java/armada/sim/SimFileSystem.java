package armada.sim;

import armada.world.Durability;

import armada.world.Fd;
import armada.world.FileSystem;
import armada.world.MissingFileException;
import armada.world.Names;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The simulated file system: directories of names pointing to inodes or to subdirectories, file
 * data, and, per the durability model, the durable image and the queue of unsynced operations a
 * crash chooses from. Used inside a {@link Machine}, or on its own ({@link #standalone}) to
 * compare the model with a real file system.
 *
 * <p>Each directory incarnation has an index: the declared directories first, then one per
 * {@link #mkdir} (a path created again after {@link #rmdir} gets a new index, so a crash can
 * never mix the old directory's entries into the new one). A directory exists while its
 * parent's entry points to its index; declared directories always exist.
 */
public final class SimFileSystem implements FileSystem {

    private final FsHost host;
    private final List<String> declared;
    private final Map<String, Integer> declaredIndex = new HashMap<>();
    private final Durability durability;
    /** Per directory index: its path, its parent's index (-1 if declared), entries now and durable. */
    private final List<String> paths = new ArrayList<>();
    private final List<Integer> parents = new ArrayList<>();
    private final List<TreeMap<String, Integer>> dirs = new ArrayList<>();
    private final List<TreeMap<String, Integer>> durableDirs = new ArrayList<>();
    /** The directories that exist now. */
    private final BitSet present = new BitSet();
    /** The newest index of each path. */
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<Integer, Inode> inodes = new HashMap<>();
    private final List<FsOp> unsynced = new ArrayList<>();
    private int nextInode;
    /** Files whose contents a crash left undecided (lazy crash states): the first look decides. */
    private int undecided;

    SimFileSystem(FsHost host, List<String> directories, Durability durability) {
        this.host = host;
        this.declared = List.copyOf(directories);
        this.durability = durability;
        for (int d = 0; d < declared.size(); d++) {
            declaredIndex.putIfAbsent(declared.get(d), d);
        }
        reset();
    }

    /** The model on its own: no scheduling, no crashes, every operation immediate. */
    public static FileSystem standalone(List<String> directories) {
        for (String d : directories) {
            Names.checkDirectoryPath(d);
        }
        return new SimFileSystem(FsHost.STANDALONE, directories, Durability.IMMEDIATE);
    }

    static long dirObject(int dir) {
        return FsObjects.dir(dir);
    }

    static long inodeObject(int inode) {
        return FsObjects.inode(inode);
    }

    /**
     * Whether footprints may be fine (names, no queue, fsyncs local): always under IMMEDIATE, where
     * every change is durable at once in whatever order, and otherwise once no crash can come.
     */
    private boolean fine() {
        return durability == Durability.IMMEDIATE || !host.crashPossible();
    }

    /** One name of a directory. */
    private long nameObject(int dir, String name) {
        return FsObjects.entry(dir, name);
    }

    /** An inode: its bytes now, and its durable bytes; or, after a lazy crash, its possible bytes. */
    static final class Inode {
        byte[] data = new byte[0];
        int length;
        byte[] durable = new byte[0];
        /** Not null: the crash left this file's bytes undecided, and data and durable mean nothing yet. */
        @Nullable FsCandidates candidates;

        void write(int offset, byte[] more) {
            int end = offset + more.length;
            if (end > data.length) {
                data = Arrays.copyOf(data, Math.max(end, data.length * 2));
            }
            if (offset > length) {
                Arrays.fill(data, length, offset, (byte) 0);
            }
            System.arraycopy(more, 0, data, offset, more.length);
            length = Math.max(length, end);
        }

        void truncate(int to) {
            if (to > data.length) {
                data = Arrays.copyOf(data, to);
            }
            if (to > length) {
                Arrays.fill(data, length, to, (byte) 0);
            }
            length = to;
        }

        byte[] now() {
            return Arrays.copyOf(data, length);
        }

        void set(byte[] bytes) {
            data = bytes.clone();
            length = bytes.length;
            durable = bytes;
            candidates = null;
        }
    }

    // ------------------------------------------------------------------ the FileSystem API

    @Override
    public List<String> directories() {
        return declared;
    }

    @Override
    public Optional<Fd> create(String dir, String name) {
        String path = dirPath(dir);
        Names.check(name);
        int d = step(Action.FS_WRITE, path, name);
        if (dirs.get(d).containsKey(name)) {
            trace("create " + dir + "/" + name + " -> exists");
            return Optional.empty();
        }
        int inode = nextInode++;
        inodes.put(inode, new Inode());
        dirs.get(d).put(name, inode);
        record(FsOp.entries(-1, null, d, name, inode));
        trace("create " + dir + "/" + name);
        return Optional.of(new SimFd(inode, true, host.generation(), dir + "/" + name));
    }

    @Override
    public Optional<Fd> open(String dir, String name) {
        return open(dir, name, false);
    }

    @Override
    public Optional<Fd> openWrite(String dir, String name) {
        return open(dir, name, true);
    }

    private Optional<Fd> open(String dir, String name, boolean writable) {
        String path = dirPath(dir);
        Names.check(name);
        int d = step(Action.FS_READ, path, name);
        Integer inode = file(d, dir, name);
        String what = writable ? "openWrite " : "open ";
        trace(what + dir + "/" + name + (inode == null ? " -> missing" : ""));
        return inode == null ? Optional.empty()
                : Optional.of(new SimFd(inode, writable, host.generation(), dir + "/" + name));
    }

    @Override
    public void append(Fd fd, byte[] data) {
        SimFd f = fd(fd, true);
        Inode i = dataStep(Action.FS_WRITE, f);
        int offset = i.length;
        checkSize(offset, data.length);
        i.write(offset, data);
        record(FsOp.write(f.inode, offset, data));
        trace("append " + f.path + " +" + data.length + " bytes");
    }

    @Override
    public void write(Fd fd, long offset, byte[] data) {
        SimFd f = fd(fd, true);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        checkSize(offset, data.length);
        dataStep(Action.FS_WRITE, f);
        if (data.length > 0) {
            // pwrite(2) of no bytes changes nothing, even past the end.
            inode(f.inode).write((int) offset, data);
            record(FsOp.write(f.inode, (int) offset, data));
        }
        trace("write " + f.path + " @" + offset + " " + data.length + " bytes");
    }

    @Override
    public void truncate(Fd fd, long length) {
        SimFd f = fd(fd, true);
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative");
        }
        checkSize(length, 0);
        dataStep(Action.FS_WRITE, f).truncate((int) length);
        record(FsOp.truncate(f.inode, (int) length));
        trace("truncate " + f.path + " -> " + length + " bytes");
    }

    /** The model keeps a file in one array: at most {@link #MAX_FILE} bytes. */
    static final int MAX_FILE = Integer.MAX_VALUE - 16;

    private static void checkSize(long offset, int length) {
        if (offset > MAX_FILE - length) {
            throw new IllegalArgumentException("the simulated file system keeps files below " + MAX_FILE
                    + " bytes; this call would reach " + (offset + length));
        }
    }

    @Override
    public byte[] read(Fd fd, long offset, int length) {
        SimFd f = fd(fd, false);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        Inode i = dataStep(Action.FS_READ, f);
        int from = (int) Math.min(offset, i.length);
        int to = (int) Math.min((long) from + length, i.length);
        trace("read " + f.path + " @" + offset + " -> " + (to - from) + " bytes");
        return Arrays.copyOfRange(i.data, from, to);
    }

    @Override
    public long size(Fd fd) {
        SimFd f = fd(fd, false);
        int length = dataStep(Action.FS_READ, f).length;
        trace("size " + f.path + " -> " + length);
        return length;
    }

    @Override
    public void close(Fd fd) {
        if (!(fd instanceof SimFd f)) {
            throw new IllegalArgumentException("not a descriptor of this file system: " + fd);
        }
        host.checkGeneration(f, f.generation);
        f.closed = true;
    }

    @Override
    public boolean link(String fromDir, String fromName, String toDir, String toName) {
        Entry e = entry("link", fromDir, fromName, toDir, toName);
        int to = e.to();
        int inode = e.inode();
        if (dirs.get(to).containsKey(toName)) {
            trace("link " + fromDir + "/" + fromName + " " + toDir + "/" + toName + " -> exists");
            return false;
        }
        dirs.get(to).put(toName, inode);
        record(FsOp.entries(-1, null, to, toName, inode));
        trace("link " + fromDir + "/" + fromName + " " + toDir + "/" + toName);
        return true;
    }

    @Override
    public void rename(String fromDir, String fromName, String toDir, String toName) {
        Entry e = entry("rename", fromDir, fromName, toDir, toName);
        int from = e.from();
        int to = e.to();
        int inode = e.inode();
        Integer target = dirs.get(to).get(toName);
        if (target != null && target < 0) {
            throw isDirectory(toDir, toName);
        }
        if (Integer.valueOf(inode).equals(target)) {
            // rename(2): when both names are links to one file, nothing happens; both stay.
            trace("rename " + fromDir + "/" + fromName + " onto another name of the same file");
            return;
        }
        dirs.get(from).remove(fromName);
        dirs.get(to).put(toName, inode);
        record(FsOp.entries(from, fromName, to, toName, inode));
        trace("rename " + fromDir + "/" + fromName + " " + toDir + "/" + toName);
    }

    /** The source of a link or rename, found after its scheduling point. */
    private record Entry(int from, int to, int inode) {
    }

    /**
     * Checks the arguments of a link or rename (in the same order as the real file system:
     * directories, then names), takes the step, and finds the source file.
     */
    private Entry entry(String what, String fromDir, String fromName, String toDir, String toName) {
        String fromPath = dirPath(fromDir);
        String toPath = dirPath(toDir);
        Names.check(fromName);
        Names.check(toName);
        int fromKey = key(fromPath);
        int toKey = key(toPath);
        if (fromKey < FsObjects.PAIR_DIRS && toKey < FsObjects.PAIR_DIRS) {
            step(what.equals("link") ? Action.FS_LINK : Action.FS_WRITE, FsObjects.pair(fromKey, fromName, toKey, toName));
        } else {
            step(Action.FS_GLOBAL, dirObject(toKey));
        }
        int from = existing(fromPath);
        int to = existing(toPath);
        Integer inode = file(from, fromDir, fromName);
        if (inode == null) {
            trace(what + " " + fromDir + "/" + fromName + " -> missing");
            throw new MissingFileException(fromDir, fromName);
        }
        return new Entry(from, to, inode);
    }

    @Override
    public void unlink(String dir, String name) {
        String path = dirPath(dir);
        Names.check(name);
        int d = step(Action.FS_WRITE, path, name);
        if (file(d, dir, name) == null) {
            trace("unlink " + dir + "/" + name + " -> missing");
            throw new MissingFileException(dir, name);
        }
        dirs.get(d).remove(name);
        record(FsOp.entries(d, name, -1, null, -1));
        trace("unlink " + dir + "/" + name);
    }

    @Override
    public List<String> list(String dir) {
        String path = dirPath(dir);
        step(Action.FS_READ, dirObject(key(path)));
        int d = existing(path);
        List<String> out = List.copyOf(dirs.get(d).keySet());
        trace("list " + dir + " -> " + out);
        return out;
    }

    @Override
    public boolean mkdir(String dir) {
        String path = dirPath(dir);
        String parentPath = Names.parent(path);
        if (parentPath == null) {
            // A declared directory of one name: it always exists.
            step(Action.FS_READ, dirObject(key(path)));
            trace("mkdir " + dir + " -> exists");
            return false;
        }
        String name = Names.last(path);
        step(Action.FS_GLOBAL, dirObject(key(parentPath)));
        int parent = existing(parentPath);
        if (dirs.get(parent).containsKey(name)) {
            trace("mkdir " + dir + " -> exists");
            return false;
        }
        int d = addDirectory(path, parent);
        dirs.get(parent).put(name, -(d + 1));
        record(FsOp.entries(-1, null, parent, name, -(d + 1)));
        trace("mkdir " + dir);
        return true;
    }

    @Override
    public void rmdir(String dir) {
        String path = dirPath(dir);
        if (declaredIndex.containsKey(path)) {
            throw new IllegalArgumentException("the declared directory " + dir + " cannot be removed");
        }
        String name = Names.last(path);
        step(Action.FS_GLOBAL, dirObject(key(path)));
        int d = existing(path);
        if (!dirs.get(d).isEmpty()) {
            trace("rmdir " + dir + " -> not empty");
            throw new IllegalStateException("the directory " + dir + " is not empty");
        }
        int parent = parents.get(d);
        dirs.get(parent).remove(name);
        present.clear(d);
        record(FsOp.entries(parent, name, -1, null, -(d + 1)));
        trace("rmdir " + dir);
    }

    @Override
    public void fsync(Fd fd) {
        SimFd f = fd(fd, false);
        Inode i = dataStep(fine() ? Action.LOCAL : Action.FS_SYNC, f);
        i.durable = i.now();
        unsynced.removeIf(op -> op.isData() && op.inode() == f.inode);
        trace("fsync " + f.path);
    }

    @Override
    public void fsyncDir(String dir) {
        String path = dirPath(dir);
        step(fine() ? Action.LOCAL : Action.FS_SYNC, dirObject(key(path)));
        int d = existing(path);
        List<FsOp> kept = new ArrayList<>();
        for (FsOp op : unsynced) {
            boolean mine = !op.isData() && (op.fromDir() == d || op.toDir() == d);
            if (mine) {
                // A rename across directories is atomic: syncing either directory syncs it whole.
                apply(op, durableDirs);
            } else {
                kept.add(op);
            }
        }
        unsynced.clear();
        unsynced.addAll(kept);
        trace("fsync " + dir + "/");
    }

    /**
     * The scheduling point of a call on a file's data. If a crash left the file undecided, this
     * step decides it: each candidate is an option of the step (a value choice of the calling
     * thread, like a random value), and while it is undecided the step counts as a write of the
     * file for the partial-order reduction, so that two first looks at it are never swapped.
     */
    private Inode dataStep(int kind, SimFd f) {
        Inode i = inode(f.inode);
        if (i.candidates == null) {
            step(kind, inodeObject(f.inode));
            return i;
        }
        int pick = stepDeciding(inodeObject(f.inode));
        FsCandidates c = i.candidates;
        if (c != null) {
            // Still undecided when this thread's turn came: its option picked the candidate.
            i.set(c.contents(pick));
            undecided--;
            trace("the crash " + c.phrase(f.path, pick) + ": decided by this first look at it (" + (pick + 1)
                    + " of " + c.count() + " ways it may have survived)");
        }
        return i;
    }

    private int stepDeciding(long object) {
        long flag = fine() ? 0 : durability == Durability.ORDERED ? Action.QUEUED : FsObjects.DIR_ORDER;
        return host.stepDeciding(Action.FS_WRITE, object | flag);
    }

    /**
     * How many options the pending step {@code action} of a thread has: the candidates of the
     * file it looks at if a crash left that file undecided, else 1.
     */
    int options(long action) {
        if (undecided == 0) {
            return 1;
        }
        int inode = FsObjects.inodeOf(Action.object(action));
        if (inode < 0) {
            return 1;
        }
        Inode i = inodes.get(inode);
        FsCandidates c = i == null ? null : i.candidates;
        return c == null ? 1 : c.count();
    }

    /** A scheduling point; under ORDERED every change is on the file system's one queue. */
    private void step(int kind, long object) {
        long flag = fine() ? 0 : durability == Durability.ORDERED ? Action.QUEUED : FsObjects.DIR_ORDER;
        host.step(kind, object | flag);
    }

    /** The scheduling point of a call on one name of a directory, then the directory, which must exist. */
    private int step(int kind, String path, String name) {
        step(kind, nameObject(key(path), name));
        return existing(path);
    }

    /**
     * The number a directory has in step footprints: a declared directory's index, another path's
     * hash above them. It depends on the path only, never on which incarnation of the directory
     * exists when the step runs (a footprint is taken before its step, while another thread may
     * still remove or create the directory); two paths with one number only add conflicts.
     */
    private int key(String path) {
        Integer d = declaredIndex.get(path);
        if (d != null && d < FsObjects.PAIR_DIRS) {
            return d;
        }
        int h = path.hashCode();
        return FsObjects.PAIR_DIRS + Math.floorMod(h ^ (h >>> 16), 0x1000 - FsObjects.PAIR_DIRS);
    }

    // ------------------------------------------------------------------ durability

    private void record(FsOp op) {
        if (durability == Durability.IMMEDIATE) {
            makeDurable(op);
        } else {
            unsynced.add(op);
        }
    }

    private void makeDurable(FsOp op) {
        if (op.isData()) {
            Inode i = inode(op.inode());
            i.durable = op.applyTo(i.durable, -1);
        } else {
            apply(op, durableDirs);
        }
    }

    private static void apply(FsOp op, List<? extends Map<String, Integer>> target) {
        if (op.removed() != null) {
            target.get(op.fromDir()).remove(op.removed());
        }
        if (op.put() != null) {
            target.get(op.toDir()).put(op.put(), op.inode());
        }
    }

    /**
     * What a crash may leave, as states of this file system: index 0 keeps everything. With
     * {@code sector > 0} an unsynced write may also survive torn, cut at a sector boundary of
     * the file (see {@link FsCrashStates}).
     */
    CrashStates<FsSnapshot> crashStates(int budget, int sector) {
        return crashStates(budget, sector, false);
    }

    /** The same, and with {@code lazy} (REORDERED) files' data left undecided (see {@link FsCrashStates}). */
    CrashStates<FsSnapshot> crashStates(int budget, int sector, boolean lazy) {
        if (unsynced.isEmpty()) {
            return CrashStates.single(snapshot(op -> false, Map.of(), Map.of()));
        }
        FsCrashStates states = new FsCrashStates(List.copyOf(unsynced), sector, new FsCrashStates.Builder() {
            @Override
            public FsSnapshot build(IntPredicate survives, Map<Integer, Integer> torn, Map<Integer, Object> lazyFiles) {
                return snapshot(survives, torn, lazyFiles);
            }

            @Override
            public byte[] contents(int inode, IntPredicate survives, Map<Integer, Integer> torn) {
                return contentsAfter(inode, survives, torn);
            }
        });
        return durability == Durability.ORDERED ? states.ordered(budget)
                : lazy ? states.lazyReordered(budget) : states.reordered(budget);
    }

    /** What crash state {@code chosen} kept and lost of the unsynced changes; {@code full} keeps them all. */
    List<String> describe(FsSnapshot full, FsSnapshot chosen) {
        if (unsynced.isEmpty()) {
            return List.of();
        }
        Map<Integer, byte[]> durableContents = new HashMap<>();
        for (Map.Entry<Integer, Inode> e : inodes.entrySet()) {
            durableContents.put(e.getKey(), e.getValue().durable);
        }
        return CrashStateText.files(paths, durableDirs, durableContents, full, chosen);
    }

    /**
     * The state in which exactly the unsynced operations {@code survives} accepts survived
     * (applied in issue order over the durable image), and the writes {@code torn} names in part;
     * the files in {@code lazy} get the contents (or the candidates) it gives, and a file an
     * earlier crash left undecided stays so.
     */
    private FsSnapshot snapshot(IntPredicate survives, Map<Integer, Integer> torn, Map<Integer, Object> lazy) {
        List<TreeMap<String, Integer>> d = new ArrayList<>();
        for (TreeMap<String, Integer> m : durableDirs) {
            d.add(new TreeMap<>(m));
        }
        for (int k = 0; k < unsynced.size(); k++) {
            FsOp op = unsynced.get(k);
            if (!op.isData() && survives.test(k)) {
                apply(op, d);
            }
        }
        BitSet exists = new BitSet();
        for (int i = 0; i < d.size(); i++) {
            int parent = parents.get(i);
            boolean here = parent < 0 || (exists.get(parent)
                    && Integer.valueOf(-(i + 1)).equals(d.get(parent).get(Names.last(paths.get(i)))));
            if (here) {
                exists.set(i);
            } else {
                d.get(i).clear();
            }
        }
        Map<Integer, byte[]> contents = new HashMap<>();
        Map<Integer, FsCandidates> open = new HashMap<>();
        for (TreeMap<String, Integer> m : d) {
            for (int inode : m.values()) {
                if (inode < 0 || contents.containsKey(inode) || open.containsKey(inode)) {
                    continue;
                }
                Object given = lazy.get(inode);
                FsCandidates earlier = inode(inode).candidates;
                if (given instanceof FsCandidates c) {
                    open.put(inode, c);
                } else if (given instanceof byte[] b) {
                    contents.put(inode, b);
                } else if (earlier != null) {
                    open.put(inode, earlier);
                } else {
                    contents.put(inode, contentsAfter(inode, survives, torn));
                }
            }
        }
        return new FsSnapshot(d, exists, contents, open);
    }

    private byte[] contentsAfter(int inode, IntPredicate survives, Map<Integer, Integer> torn) {
        byte[] image = inode(inode).durable;
        for (int k = 0; k < unsynced.size(); k++) {
            FsOp op = unsynced.get(k);
            if (op.isData() && op.inode() == inode) {
                if (survives.test(k)) {
                    image = op.applyTo(image, -1);
                } else if (torn.containsKey(k)) {
                    image = op.applyTo(image, torn.get(k));
                }
            }
        }
        return image;
    }

    /** The state now, as a value (everything kept: the same as what is durable right after a crash). */
    FsSnapshot now() {
        return snapshot(k -> true, Map.of(), Map.of());
    }

    /**
     * After a crash: the chosen state becomes both what is seen and what is durable. Files no
     * name points to are unreachable from now on (their descriptors died with the crash), and
     * so are directories whose entry did not survive.
     */
    void restore(FsSnapshot s) {
        unsynced.clear();
        present.clear();
        present.or(s.present);
        for (int d = 0; d < dirs.size(); d++) {
            dirs.get(d).clear();
            dirs.get(d).putAll(s.dirs.get(d));
            durableDirs.get(d).clear();
            durableDirs.get(d).putAll(s.dirs.get(d));
            if (present.get(d)) {
                index.put(paths.get(d), d);
            }
        }
        for (Map.Entry<Integer, byte[]> e : s.contents.entrySet()) {
            inode(e.getKey()).set(e.getValue());
        }
        undecided = 0;
        for (Map.Entry<Integer, FsCandidates> e : s.undecided.entrySet()) {
            Inode i = inode(e.getKey());
            i.set(new byte[0]);
            i.candidates = e.getValue();
            undecided++;
        }
    }

    /** Makes everything durable (the state boot leaves is the starting point). */
    void flushAll() {
        for (FsOp op : unsynced) {
            if (!op.isData()) {
                apply(op, durableDirs);
            }
        }
        unsynced.clear();
        for (Inode i : inodes.values()) {
            i.durable = i.now();
        }
    }

    /** Back to the declared, empty directories, for the next execution. */
    void reset() {
        paths.clear();
        parents.clear();
        dirs.clear();
        durableDirs.clear();
        present.clear();
        index.clear();
        inodes.clear();
        unsynced.clear();
        nextInode = 0;
        undecided = 0;
        for (String d : declared) {
            addDirectory(d, -1);
        }
        // A declared directory inside another declared one is an entry of it.
        for (int d = 0; d < declared.size(); d++) {
            String parent = Names.parent(declared.get(d));
            if (parent != null && index.containsKey(parent)) {
                int p = index.get(parent);
                dirs.get(p).put(Names.last(declared.get(d)), -(d + 1));
                durableDirs.get(p).put(Names.last(declared.get(d)), -(d + 1));
            }
        }
    }

    private int addDirectory(String path, int parent) {
        int d = paths.size();
        paths.add(path);
        parents.add(parent);
        dirs.add(new TreeMap<>());
        durableDirs.add(new TreeMap<>());
        present.set(d);
        index.put(path, d);
        return d;
    }

    /** The bytes of {@code dir/name} in the crash state {@code s}, or null; for crash invariants. */
    byte @Nullable [] contents(FsSnapshot s, String dir, String name) {
        Integer d = index.get(dir);
        if (d == null || !s.present.get(d)) {
            return null;
        }
        Integer inode = s.dirs.get(d).get(name);
        if (inode == null || inode < 0) {
            return null;
        }
        if (s.undecided.containsKey(inode)) {
            throw new IllegalStateException("a lazy crash state has no contents for " + dir + "/" + name
                    + " yet: crash invariants need eager crash states");
        }
        return Objects.requireNonNull(s.contents.get(inode)).clone();
    }

    /** The bytes of {@code dir/name} as they are now, or null; for tests. */
    byte @Nullable [] contents(String dir, String name) {
        Integer d = index.get(dir);
        if (d == null || !present.get(d)) {
            return null;
        }
        Integer inode = dirs.get(d).get(name);
        if (inode == null || inode < 0) {
            return null;
        }
        if (inode(inode).candidates != null) {
            throw new IllegalStateException(dir + "/" + name + " is undecided since the last crash: nothing read it yet");
        }
        return inode(inode).now();
    }

    // ------------------------------------------------------------------ checks

    /** Inode {@code n}: every number handed out has one until {@link #reset} drops them all. */
    private Inode inode(int n) {
        return Objects.requireNonNull(inodes.get(n));
    }

    /** Checks a directory path: declared, or below a declared directory. */
    private String dirPath(String dir) {
        return Names.checkDirectoryOrBelow(dir, declared);
    }

    /** The index of the directory {@code path}, which must exist now. */
    private int existing(String path) {
        Integer d = index.get(path);
        if (d == null || !present.get(d)) {
            throw MissingFileException.directory(path);
        }
        return d;
    }

    /** The file {@code name} of directory {@code d}, or null; a subdirectory of that name is an error. */
    private @Nullable Integer file(int d, String dir, String name) {
        Integer inode = dirs.get(d).get(name);
        if (inode != null && inode < 0) {
            throw isDirectory(dir, name);
        }
        return inode;
    }

    static IllegalArgumentException isDirectory(String dir, String name) {
        return new IllegalArgumentException(dir + "/" + name + " is a directory");
    }

    private SimFd fd(Fd fd, boolean writing) {
        if (!(fd instanceof SimFd f)) {
            throw new IllegalArgumentException("not a descriptor of this file system: " + fd);
        }
        host.checkGeneration(f, f.generation);
        if (f.closed) {
            throw new IllegalStateException(f.path + " is closed");
        }
        if (writing && !f.writable) {
            throw new IllegalStateException(f.path + " is open for reading, not writing");
        }
        return f;
    }

    private void trace(String text) {
        if (host.tracing()) {
            host.trace(text);
        }
    }
}
