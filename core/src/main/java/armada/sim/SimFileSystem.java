package armada.sim;

import armada.world.Fd;
import armada.world.FileSystem;
import armada.world.MissingFileException;
import armada.world.Names;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The simulated file system: directories of names pointing to inodes, append-only file data,
 * and, per the durability model, the durable image and the queue of unsynced operations a
 * crash chooses from. Used inside a {@link Machine}, or on its own ({@link #standalone}) to
 * compare the model with a real file system.
 */
public final class SimFileSystem implements FileSystem {

    private final FsHost host;
    private final List<String> names;
    private final Durability durability;
    private final List<TreeMap<String, Integer>> dirs = new ArrayList<>();
    private final List<TreeMap<String, Integer>> durableDirs = new ArrayList<>();
    private final Map<Integer, Inode> inodes = new HashMap<>();
    private final List<FsOp> unsynced = new ArrayList<>();
    private int nextInode;

    SimFileSystem(FsHost host, List<String> directories, Durability durability) {
        this.host = host;
        this.names = List.copyOf(directories);
        this.durability = durability;
        for (int i = 0; i < names.size(); i++) {
            dirs.add(new TreeMap<>());
            durableDirs.add(new TreeMap<>());
        }
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

    /** An inode: its bytes, and how many of them are durable. */
    static final class Inode {
        byte[] data = new byte[0];
        int length;
        int durable;

        void append(byte[] more) {
            if (length + more.length > data.length) {
                data = Arrays.copyOf(data, Math.max(length + more.length, data.length * 2));
            }
            System.arraycopy(more, 0, data, length, more.length);
            length += more.length;
        }
    }

    // ------------------------------------------------------------------ the FileSystem API

    @Override
    public List<String> directories() {
        return names;
    }

    @Override
    public Optional<Fd> create(String dir, String name) {
        int d = dir(dir);
        Names.check(name);
        step(Action.FS_WRITE, nameObject(d, name));
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
        int d = dir(dir);
        Names.check(name);
        step(Action.FS_READ, nameObject(d, name));
        Integer inode = dirs.get(d).get(name);
        trace("open " + dir + "/" + name + (inode == null ? " -> missing" : ""));
        return inode == null ? Optional.empty()
                : Optional.of(new SimFd(inode, false, host.generation(), dir + "/" + name));
    }

    @Override
    public void append(Fd fd, byte[] data) {
        SimFd f = fd(fd, true);
        step(Action.FS_WRITE, inodeObject(f.inode));
        Inode i = inode(f.inode);
        i.append(data);
        record(FsOp.append(f.inode, i.length));
        trace("append " + f.path + " +" + data.length + " bytes");
    }

    @Override
    public byte[] read(Fd fd, long offset, int length) {
        SimFd f = fd(fd, false);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        step(Action.FS_READ, inodeObject(f.inode));
        Inode i = inode(f.inode);
        int from = (int) Math.min(offset, i.length);
        int to = (int) Math.min((long) from + length, i.length);
        trace("read " + f.path + " @" + offset + " -> " + (to - from) + " bytes");
        return Arrays.copyOfRange(i.data, from, to);
    }

    @Override
    public long size(Fd fd) {
        SimFd f = fd(fd, null);
        step(Action.FS_READ, inodeObject(f.inode));
        int length = inode(f.inode).length;
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
        if (Integer.valueOf(inode).equals(dirs.get(to).get(toName))) {
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
        int from = dir(fromDir);
        int to = dir(toDir);
        Names.check(fromName);
        Names.check(toName);
        if (from < FsObjects.PAIR_DIRS && to < FsObjects.PAIR_DIRS) {
            step(what.equals("link") ? Action.FS_LINK : Action.FS_WRITE, FsObjects.pair(from, fromName, to, toName));
        } else {
            step(Action.FS_GLOBAL, dirObject(to));
        }
        Integer inode = dirs.get(from).get(fromName);
        if (inode == null) {
            trace(what + " " + fromDir + "/" + fromName + " -> missing");
            throw new MissingFileException(fromDir, fromName);
        }
        return new Entry(from, to, inode);
    }

    @Override
    public void unlink(String dir, String name) {
        int d = dir(dir);
        Names.check(name);
        step(Action.FS_WRITE, nameObject(d, name));
        if (dirs.get(d).remove(name) == null) {
            trace("unlink " + dir + "/" + name + " -> missing");
            throw new MissingFileException(dir, name);
        }
        record(FsOp.entries(d, name, -1, null, -1));
        trace("unlink " + dir + "/" + name);
    }

    @Override
    public List<String> list(String dir) {
        int d = dir(dir);
        step(Action.FS_READ, dirObject(d));
        List<String> out = List.copyOf(dirs.get(d).keySet());
        trace("list " + dir + " -> " + out);
        return out;
    }

    @Override
    public void fsync(Fd fd) {
        SimFd f = fd(fd, null);
        step(fine() ? Action.LOCAL : Action.FS_SYNC, inodeObject(f.inode));
        Inode i = inode(f.inode);
        i.durable = i.length;
        unsynced.removeIf(op -> op.isAppend() && op.inode() == f.inode);
        trace("fsync " + f.path);
    }

    @Override
    public void fsyncDir(String dir) {
        int d = dir(dir);
        step(fine() ? Action.LOCAL : Action.FS_SYNC, dirObject(d));
        List<FsOp> kept = new ArrayList<>();
        for (FsOp op : unsynced) {
            boolean mine = !op.isAppend() && (op.fromDir() == d || op.toDir() == d);
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

    /** A scheduling point; under ORDERED every change is on the file system's one queue. */
    private void step(int kind, long object) {
        long flag = fine() ? 0 : durability == Durability.ORDERED ? Action.QUEUED : FsObjects.DIR_ORDER;
        host.step(kind, object | flag);
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
        if (op.isAppend()) {
            Inode i = inode(op.inode());
            i.durable = Math.max(i.durable, op.length());
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
     * {@code sector > 0} an unsynced append may also survive torn, cut at a sector boundary of
     * the file (see {@link FsCrashStates}).
     */
    CrashStates<FsSnapshot> crashStates(int budget, int sector) {
        if (unsynced.isEmpty()) {
            return CrashStates.single(snapshot(op -> false, Map.of()));
        }
        Map<Integer, Integer> durableLengths = new HashMap<>();
        for (Map.Entry<Integer, Inode> e : inodes.entrySet()) {
            durableLengths.put(e.getKey(), e.getValue().durable);
        }
        FsCrashStates states = new FsCrashStates(List.copyOf(unsynced), durableLengths, sector, this::snapshot);
        return durability == Durability.ORDERED ? states.ordered(budget) : states.reordered(budget);
    }

    /** What crash state {@code chosen} kept and lost of the unsynced changes; {@code full} keeps them all. */
    List<String> describe(FsSnapshot full, FsSnapshot chosen) {
        if (unsynced.isEmpty()) {
            return List.of();
        }
        Map<Integer, Integer> durableLengths = new HashMap<>();
        for (Map.Entry<Integer, Inode> e : inodes.entrySet()) {
            durableLengths.put(e.getKey(), e.getValue().durable);
        }
        return CrashStateText.files(names, durableDirs, durableLengths, full, chosen);
    }

    /**
     * The state in which exactly the unsynced operations {@code survives} accepts survived
     * (applied in issue order over the durable image), with some files' lengths cut to
     * {@code torn}.
     */
    private FsSnapshot snapshot(java.util.function.IntPredicate survives, Map<Integer, Integer> torn) {
        List<TreeMap<String, Integer>> d = new ArrayList<>();
        for (TreeMap<String, Integer> m : durableDirs) {
            d.add(new TreeMap<>(m));
        }
        Map<Integer, Integer> lengths = new HashMap<>();
        for (Map.Entry<Integer, Inode> e : inodes.entrySet()) {
            lengths.put(e.getKey(), e.getValue().durable);
        }
        for (int k = 0; k < unsynced.size(); k++) {
            if (!survives.test(k)) {
                continue;
            }
            FsOp op = unsynced.get(k);
            if (op.isAppend()) {
                lengths.merge(op.inode(), op.length(), Math::max);
            } else {
                apply(op, d);
            }
        }
        lengths.putAll(torn);
        return FsSnapshot.of(d, lengths);
    }

    /**
     * After a crash: the chosen state becomes both what is seen and what is durable. Files no
     * name points to are unreachable from now on (their descriptors died with the crash).
     */
    void restore(FsSnapshot s) {
        unsynced.clear();
        for (int d = 0; d < dirs.size(); d++) {
            dirs.get(d).clear();
            dirs.get(d).putAll(s.dirs().get(d));
            durableDirs.get(d).clear();
            durableDirs.get(d).putAll(s.dirs().get(d));
        }
        for (Map.Entry<Integer, Integer> e : s.lengths().entrySet()) {
            Inode i = inode(e.getKey());
            i.length = e.getValue();
            i.durable = e.getValue();
        }
    }

    /** Makes everything durable (the state boot leaves is the starting point). */
    void flushAll() {
        for (FsOp op : unsynced) {
            makeDurable(op);
        }
        unsynced.clear();
        for (Inode i : inodes.values()) {
            i.durable = i.length;
        }
    }

    /** Back to an empty file system, for the next execution. */
    void reset() {
        for (int d = 0; d < dirs.size(); d++) {
            dirs.get(d).clear();
            durableDirs.get(d).clear();
        }
        inodes.clear();
        unsynced.clear();
        nextInode = 0;
    }

    /** The bytes of {@code dir/name} in the crash state {@code s}, or null; for crash invariants. */
    byte @org.jspecify.annotations.Nullable [] contents(FsSnapshot s, String dir, String name) {
        Integer inode = s.dirs().get(dir(dir)).get(name);
        if (inode == null) {
            return null;
        }
        return Arrays.copyOf(inode(inode).data, Objects.requireNonNull(s.lengths().get(inode)));
    }

    /** The bytes of {@code dir/name} as they are now, or null; for tests. */
    byte @org.jspecify.annotations.Nullable [] contents(String dir, String name) {
        Integer inode = dirs.get(dir(dir)).get(name);
        if (inode == null) {
            return null;
        }
        Inode i = inode(inode);
        return Arrays.copyOf(i.data, i.length);
    }

    // ------------------------------------------------------------------ checks

    /** Inode {@code n}: every number handed out has one until {@link #reset} drops them all. */
    private Inode inode(int n) {
        return Objects.requireNonNull(inodes.get(n));
    }

    private int dir(String dir) {
        Names.checkDirectory(dir, names);
        return names.indexOf(dir);
    }

    private SimFd fd(Fd fd, @org.jspecify.annotations.Nullable Boolean appendable) {
        if (!(fd instanceof SimFd f)) {
            throw new IllegalArgumentException("not a descriptor of this file system: " + fd);
        }
        host.checkGeneration(f, f.generation);
        if (f.closed) {
            throw new IllegalStateException(f.path + " is closed");
        }
        if (appendable != null && appendable != f.appendable) {
            throw new IllegalStateException(f.path + (f.appendable ? " is open for appending, not reading"
                    : " is open for reading, not appending"));
        }
        return f;
    }

    private void trace(String text) {
        if (host.tracing()) {
            host.trace(text);
        }
    }
}
