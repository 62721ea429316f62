package armada.mailboat.linux;

import armada.world.Fd;
import armada.world.FileSystem;
import armada.world.MissingFileException;
import armada.world.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The real file system on Linux, behaving as {@code armada.world}'s NIO one does (the same
 * checks, results and exceptions; the conformance test runs both against the model) with fewer
 * system calls: a declared directory's descriptor is opened once and kept (up to
 * {@link #MAX_CACHED_DIRECTORIES}; past that, and for directories created at run time, opened
 * and closed per call), and every call is one {@code *at} system call relative to it, with no
 * path walk and no extra {@code stat}: create is one {@code openat}, link one {@code linkat},
 * unlink one {@code unlinkat}, fsyncDir one {@code fsync} of the kept descriptor, an append one
 * {@code pwritev2} with {@code RWF_APPEND}, a read of a small file one {@code pread}, a listing a
 * {@code lseek} and {@code getdents64} until the end.
 *
 * <p>Which paths are directories is kept in memory (the declared ones, every directory found
 * below them at open, and those created since), so that telling a subdirectory from a file costs
 * no system call; the file system assumes it is the only writer of its tree while open.
 *
 * <p>Thread-safe, with the same atomicity as the NIO file system: a listing holds its
 * directory's lock exclusively, calls that change or name entries hold it shared (so a listing is
 * one atomic step; two directories are locked in path order). An append is one system call that
 * the kernel makes atomic against every other write, append and truncation of the file (all take
 * the inode's lock), through any descriptor. A declared directory's kept descriptor is only used
 * under its lock, and {@link #close} takes each lock exclusively before closing the descriptor,
 * so no call can use a closed number.
 */
public final class LinuxFileSystem implements FileSystem, AutoCloseable {

    /** Directory descriptors kept open at most; a directory past this count is opened per call. */
    public static final int MAX_CACHED_DIRECTORIES = 4096;

    private static final int AT_FDCWD = -100;
    private static final int NONE = -1;
    private static final int CLOSED = -2;

    private final Path root;
    private final List<String> names;
    private final int maxCached;
    /** Declared directory -> its index in {@link #names}, {@link #locks}, {@link #dirFds}. */
    private final Map<String, Integer> index = new HashMap<>();
    private final ReentrantReadWriteLock[] locks;
    /** Locks of directories created at run time, by path (kept after they are removed: a few bytes each). */
    private final ConcurrentHashMap<String, ReentrantReadWriteLock> runTimeLocks = new ConcurrentHashMap<>();
    /** Per declared directory: its kept descriptor, {@link #NONE}, or {@link #CLOSED}. */
    private final AtomicIntegerArray dirFds;
    private final AtomicInteger cached = new AtomicInteger();
    /** Every directory that exists now: declared, found below them at open, or created since. */
    private final Set<String> directories = ConcurrentHashMap.newKeySet();
    private final Set<LinuxFd> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private LinuxFileSystem(Path root, List<String> names, int maxCached) {
        this.root = root;
        this.names = names;
        this.maxCached = maxCached;
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(names.get(i), i);
        }
        this.locks = new ReentrantReadWriteLock[names.size()];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantReadWriteLock();
        }
        this.dirFds = new AtomicIntegerArray(names.size());
        for (int i = 0; i < names.size(); i++) {
            dirFds.set(i, NONE);
        }
    }

    /**
     * Whether this file system works here: Linux on a 64-bit ABI this package knows (x86-64,
     * AArch64, RISC-V), kernel 4.16 or later ({@code RWF_APPEND}), a C library with the calls,
     * and native access allowed.
     */
    public static boolean available() {
        if (!System.getProperty("os.name", "").equals("Linux")
                || !List.of("amd64", "x86_64", "aarch64", "riscv64").contains(System.getProperty("os.arch", ""))
                || !kernelAtLeast(System.getProperty("os.version", ""), 4, 16)) {
            return false;
        }
        try {
            return Libc.bound();
        } catch (LinkageError e) {
            return false;
        }
    }

    /** Whether a kernel release such as {@code 6.1.0-18-amd64} is at least {@code major.minor}. */
    static boolean kernelAtLeast(String release, int major, int minor) {
        String[] parts = release.split("[.-]", 3);
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Opens the file system over {@code root}, creating {@code root/d} for each declared directory
     * {@code d} that is missing (and forcing its parents so they stay), and noting every directory
     * already below them, as the NIO one does; empty where it is not {@link #available}.
     *
     * @throws IllegalArgumentException if a directory is not a valid relative path of names
     */
    public static Optional<LinuxFileSystem> open(Path root, List<String> directories) throws IOException {
        return open(root, directories, MAX_CACHED_DIRECTORIES);
    }

    /** As {@link #open(Path, List)}, keeping at most {@code maxCached} directory descriptors (tests use few). */
    static Optional<LinuxFileSystem> open(Path root, List<String> directories, int maxCached) throws IOException {
        if (!available()) {
            return Optional.empty();
        }
        List<String> names = List.copyOf(directories);
        for (String d : names) {
            Names.checkDirectoryPath(d);
        }
        Path absolute = root.toAbsolutePath();
        Files.createDirectories(absolute);
        for (String d : names) {
            Path p = absolute.resolve(d);
            if (!Files.isDirectory(p)) {
                Files.createDirectories(p);
                for (Path up = p.getParent(); up != null && up.startsWith(absolute); up = up.getParent()) {
                    try (FileChannel c = FileChannel.open(up, StandardOpenOption.READ)) {
                        c.force(true);
                    }
                }
            }
        }
        LinuxFileSystem fs = new LinuxFileSystem(absolute, names, maxCached);
        for (String d : names) {
            fs.directories.add(d);
            Files.walkFileTree(absolute.resolve(d), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    List<String> parts = new ArrayList<>();
                    for (Path part : absolute.relativize(dir)) {
                        parts.add(part.toString());
                    }
                    fs.directories.add(String.join("/", parts));
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return Optional.of(fs);
    }

    @Override
    public List<String> directories() {
        return names;
    }

    @Override
    public Optional<Fd> create(String dir, String name) {
        String d = dir(dir);
        checkName(name);
        checkOpen();
        exists(d);
        return changing(d, d, (s, dirFd, same) -> {
            int fd;
            do {
                fd = Libc.openat(s.capture, dirFd, s.name1(name), Libc.O_CREAT | Libc.O_EXCL | Libc.O_RDWR | Libc.O_CLOEXEC,
                        0666);
            } while (fd < 0 && Libc.errno(s.capture) == Libc.EINTR);
            if (fd >= 0) {
                return Optional.of(track(new LinuxFd(fd, true, dir, name)));
            }
            return switch (Libc.errno(s.capture)) {
                case Libc.EEXIST -> Optional.empty();
                case Libc.ENOENT -> throw MissingFileException.directory(dir);
                default -> throw failure(dir + "/" + name, Libc.errno(s.capture));
            };
        });
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
        String d = dir(dir);
        checkName(name);
        checkOpen();
        exists(d);
        notDirectory(d, name);
        return changing(d, d, (s, dirFd, same) -> {
            int fd;
            do {
                fd = Libc.openat(s.capture, dirFd, s.name1(name), (writable ? Libc.O_RDWR : Libc.O_RDONLY) | Libc.O_CLOEXEC, 0);
            } while (fd < 0 && Libc.errno(s.capture) == Libc.EINTR);
            if (fd >= 0) {
                return Optional.of(track(new LinuxFd(fd, writable, dir, name)));
            }
            if (Libc.errno(s.capture) == Libc.ENOENT) {
                exists(d);
                return Optional.empty();
            }
            throw failure(dir + "/" + name, Libc.errno(s.capture));
        });
    }

    @Override
    public void append(Fd fd, byte[] data) {
        LinuxFd f = check(fd, true);
        if (data.length > 0) {
            writeAll(f, data, -1);
        }
    }

    @Override
    public void write(Fd fd, long offset, byte[] data) {
        LinuxFd f = check(fd, true);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (data.length > 0) {
            writeAll(f, data, offset);
        }
    }

    /**
     * Writes {@code data} at {@code offset} ({@code pwrite}), or at the end for offset -1 (one
     * {@code pwritev2} with {@code RWF_APPEND}, which the kernel makes atomic against every other
     * write, append and truncation of the file, through any descriptor). The bytes go to native
     * memory first: the scratch buffer, or for a big write one of its own.
     */
    private static void writeAll(LinuxFd f, byte[] data, long offset) {
        int raw = acquire(f);
        try (Scratch s = Scratch.take()) {
            if (data.length <= Scratch.DATA) {
                MemorySegment.copy(data, 0, s.data, ValueLayout.JAVA_BYTE, 0, data.length);
                writeAll(f, s, raw, s.data, data.length, offset);
            } else {
                try (Arena big = Arena.ofConfined()) {
                    MemorySegment buffer = big.allocate(data.length);
                    MemorySegment.copy(data, 0, buffer, ValueLayout.JAVA_BYTE, 0, data.length);
                    writeAll(f, s, raw, buffer, data.length, offset);
                }
            }
        } finally {
            f.release();
        }
    }

    private static void writeAll(LinuxFd f, Scratch s, int raw, MemorySegment buffer, long length, long offset) {
        long done = 0;
        while (done < length) {
            long n;
            if (offset < 0) {
                s.iov.set(ValueLayout.ADDRESS, 0, buffer.asSlice(done));
                s.iov.set(ValueLayout.JAVA_LONG, 8, length - done);
                n = Libc.pwritev2(s.capture, raw, s.iov, 1, Libc.RWF_APPEND);
            } else {
                n = Libc.pwrite(s.capture, raw, buffer.asSlice(done), length - done, offset + done);
            }
            if (n < 0) {
                if (Libc.errno(s.capture) == Libc.EINTR) {
                    continue;
                }
                throw failure(f.path(), Libc.errno(s.capture));
            }
            done += n;
        }
    }

    @Override
    public void truncate(Fd fd, long length) {
        LinuxFd f = check(fd, true);
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative");
        }
        int raw = acquire(f);
        try (Scratch s = Scratch.take()) {
            int r;
            do {
                r = Libc.ftruncate(s.capture, raw, length);
            } while (r < 0 && Libc.errno(s.capture) == Libc.EINTR);
            if (r < 0) {
                throw failure(f.path(), Libc.errno(s.capture));
            }
        } finally {
            f.release();
        }
    }

    @Override
    public byte[] read(Fd fd, long offset, int length) {
        LinuxFd f = check(fd, false);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        // Never ask past the largest offset there is (the kernel refuses such a range).
        long wanted = Math.min(length, Long.MAX_VALUE - offset);
        if (wanted == 0) {
            return new byte[0];
        }
        int raw = acquire(f);
        try (Scratch s = Scratch.take()) {
            int first = (int) Math.min(wanted, Scratch.DATA);
            long n = pread(f, s.capture, raw, s.data, first, offset);
            if (n < first || first == wanted) {
                return s.data.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
            }
            // A bigger file: size the rest by what the file holds, so a huge length costs nothing.
            long size = size(f, s.capture, raw);
            long rest = Math.min(wanted - n, Math.max(0, size - offset - n));
            byte[] out = new byte[(int) Math.min(Integer.MAX_VALUE - 8, n + rest)];
            MemorySegment.copy(s.data, ValueLayout.JAVA_BYTE, 0, out, 0, (int) n);
            int filled = (int) n;
            while (filled < out.length) {
                long m = pread(f, s.capture, raw, s.data, Math.min(Scratch.DATA, out.length - filled), offset + filled);
                if (m == 0) {
                    break; // the file shrank meanwhile
                }
                MemorySegment.copy(s.data, ValueLayout.JAVA_BYTE, 0, out, filled, (int) m);
                filled += (int) m;
            }
            return filled == out.length ? out : Arrays.copyOf(out, filled);
        } finally {
            f.release();
        }
    }

    private static long pread(LinuxFd f, MemorySegment capture, int raw, MemorySegment buffer, long count, long offset) {
        while (true) {
            long n = Libc.pread(capture, raw, buffer, count, offset);
            if (n >= 0) {
                return n;
            }
            if (Libc.errno(capture) != Libc.EINTR) {
                throw failure(f.path(), Libc.errno(capture));
            }
        }
    }

    @Override
    public long size(Fd fd) {
        LinuxFd f = check(fd, false);
        int raw = acquire(f);
        try (Scratch s = Scratch.take()) {
            return size(f, s.capture, raw);
        } finally {
            f.release();
        }
    }

    /** The file's size: reads and writes are positional and appends go to the end, so moving the offset is harmless. */
    private static long size(LinuxFd f, MemorySegment capture, int raw) {
        long size;
        do {
            size = Libc.lseek(capture, raw, 0, Libc.SEEK_END);
        } while (size < 0 && Libc.errno(capture) == Libc.EINTR);
        if (size < 0) {
            throw failure(f.path(), Libc.errno(capture));
        }
        return size;
    }

    @Override
    public void close(Fd fd) {
        if (!(fd instanceof LinuxFd f)) {
            throw new IllegalArgumentException("not a descriptor of this file system: " + fd);
        }
        open.remove(f);
        int errno = f.close();
        if (errno != 0) {
            throw failure(f.path(), errno);
        }
    }

    @Override
    public boolean link(String fromDir, String fromName, String toDir, String toName) {
        String from = dir(fromDir);
        String to = dir(toDir);
        checkName(fromName);
        checkName(toName);
        checkOpen();
        exists(from);
        exists(to);
        notDirectory(from, fromName);
        return changing(from, to, (s, fromFd, toFd) -> {
            MemorySegment source = s.name1(fromName);
            MemorySegment target = s.name2(toName);
            int r;
            do {
                r = Libc.linkat(s.capture, fromFd, source, toFd, target);
            } while (r < 0 && Libc.errno(s.capture) == Libc.EINTR);
            if (r == 0) {
                return true;
            }
            return switch (Libc.errno(s.capture)) {
                // The target name is taken, by a file or a directory.
                case Libc.EEXIST -> false;
                // link(2) looks the source up before the target: a missing source wins.
                case Libc.ENOENT -> throw new MissingFileException(fromDir, fromName);
                default -> throw failure(toDir + "/" + toName, Libc.errno(s.capture));
            };
        });
    }

    @Override
    public void rename(String fromDir, String fromName, String toDir, String toName) {
        String from = dir(fromDir);
        String to = dir(toDir);
        checkName(fromName);
        checkName(toName);
        checkOpen();
        exists(from);
        exists(to);
        notDirectory(from, fromName);
        changing(from, to, (s, fromFd, toFd) -> {
            MemorySegment source = s.name1(fromName);
            MemorySegment target = s.name2(toName);
            int r;
            do {
                r = Libc.renameat(s.capture, fromFd, source, toFd, target);
            } while (r < 0 && Libc.errno(s.capture) == Libc.EINTR);
            if (r < 0) {
                switch (Libc.errno(s.capture)) {
                    // rename(2) looks the source up first: a missing source wins over a directory target.
                    case Libc.ENOENT -> throw new MissingFileException(fromDir, fromName);
                    case Libc.EISDIR -> throw new IllegalArgumentException(to + "/" + toName + " is a directory");
                    default -> throw failure(fromDir + "/" + fromName, Libc.errno(s.capture));
                }
            }
            return true;
        });
    }

    @Override
    public void unlink(String dir, String name) {
        String d = dir(dir);
        checkName(name);
        checkOpen();
        exists(d);
        notDirectory(d, name);
        changing(d, d, (s, fd, same) -> {
            MemorySegment cName = s.name1(name);
            int r;
            do {
                r = Libc.unlinkat(s.capture, fd, cName, 0);
            } while (r < 0 && Libc.errno(s.capture) == Libc.EINTR);
            if (r < 0) {
                if (Libc.errno(s.capture) == Libc.ENOENT) {
                    throw new MissingFileException(dir, name);
                }
                throw failure(dir + "/" + name, Libc.errno(s.capture));
            }
            return true;
        });
    }

    @Override
    public List<String> list(String dir) {
        String d = dir(dir);
        checkOpen();
        exists(d);
        List<String> out = new ArrayList<>();
        Lock lock = lockOf(d).writeLock();
        lock.lock();
        try (Scratch s = Scratch.take()) {
            int dirFd = dirFd(d);
            try {
                long at;
                do {
                    at = Libc.lseek(s.capture, dirFd, 0, Libc.SEEK_SET);
                } while (at < 0 && Libc.errno(s.capture) == Libc.EINTR);
                if (at < 0) {
                    throw failure(dir, Libc.errno(s.capture));
                }
                MemorySegment buffer = s.data;
                while (true) {
                    long n = Libc.getdents64(s.capture, dirFd, buffer, buffer.byteSize());
                    if (n < 0) {
                        if (Libc.errno(s.capture) == Libc.EINTR) {
                            continue;
                        }
                        throw failure(dir, Libc.errno(s.capture));
                    }
                    if (n == 0) {
                        break;
                    }
                    // struct linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name (NUL-ended).
                    for (long pos = 0; pos < n; ) {
                        int length = Short.toUnsignedInt(buffer.get(ValueLayout.JAVA_SHORT_UNALIGNED, pos + 16));
                        String name = buffer.getString(pos + 19);
                        if (!name.equals(".") && !name.equals("..")) {
                            out.add(name);
                        }
                        pos += length;
                    }
                }
            } finally {
                releaseDirFd(d, dirFd);
            }
        } finally {
            lock.unlock();
        }
        Collections.sort(out);
        return List.copyOf(out);
    }

    @Override
    public boolean mkdir(String dir) {
        String d = dir(dir);
        String parent = Names.parent(d);
        checkOpen();
        if (parent == null) {
            return false; // a declared directory of one name: it always exists
        }
        exists(parent);
        return changing(parent, parent, (s, parentFd, same) -> {
            MemorySegment cName = s.name1(Names.last(d));
            int r;
            do {
                r = Libc.mkdirat(s.capture, parentFd, cName, 0777);
            } while (r < 0 && Libc.errno(s.capture) == Libc.EINTR);
            if (r < 0) {
                return switch (Libc.errno(s.capture)) {
                    case Libc.EEXIST -> false;
                    case Libc.ENOENT -> throw MissingFileException.directory(parent);
                    default -> throw failure(dir, Libc.errno(s.capture));
                };
            }
            directories.add(d);
            return true;
        });
    }

    @Override
    public void rmdir(String dir) {
        String d = dir(dir);
        if (index.containsKey(d)) {
            throw new IllegalArgumentException("the declared directory " + dir + " cannot be removed");
        }
        String parent = Objects.requireNonNull(Names.parent(d));
        checkOpen();
        exists(d);
        changing(parent, d, (s, parentFd, self) -> {
            MemorySegment cName = s.name1(Names.last(d));
            int r;
            do {
                r = Libc.unlinkat(s.capture, parentFd, cName, Libc.AT_REMOVEDIR);
            } while (r < 0 && Libc.errno(s.capture) == Libc.EINTR);
            if (r < 0) {
                switch (Libc.errno(s.capture)) {
                    case Libc.ENOTEMPTY, Libc.EEXIST -> throw new IllegalStateException("the directory " + dir + " is not empty");
                    case Libc.ENOENT -> throw MissingFileException.directory(dir);
                    default -> throw failure(dir, Libc.errno(s.capture));
                }
            }
            directories.remove(d);
            return true;
        });
    }

    @Override
    public void fsync(Fd fd) {
        LinuxFd f = check(fd, false);
        int raw = acquire(f);
        try {
            int errno = fsyncNumber(raw);
            if (errno != 0) {
                throw failure(f.path(), errno);
            }
        } finally {
            f.release();
        }
    }

    @Override
    public void fsyncDir(String dir) {
        String d = dir(dir);
        checkOpen();
        exists(d);
        Lock lock = lockOf(d).readLock();
        lock.lock();
        try {
            int dirFd = dirFd(d);
            try {
                int errno = fsyncNumber(dirFd);
                if (errno != 0) {
                    throw failure(dir, errno);
                }
            } finally {
                releaseDirFd(d, dirFd);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Closes every kept directory descriptor and every file descriptor still open; later calls throw {@link IllegalStateException}. */
    @Override
    public void close() {
        closed = true;
        for (int d = 0; d < locks.length; d++) {
            Lock lock = locks[d].writeLock();
            lock.lock();
            try {
                int fd = dirFds.getAndSet(d, CLOSED);
                if (fd >= 0) {
                    closeDescriptor(fd);
                }
            } finally {
                lock.unlock();
            }
        }
        for (LinuxFd f : open) {
            open.remove(f);
            f.close();
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A call changing entries of directories {@code a} and {@code b}, given their descriptors. */
    private interface EntryCall<T> {
        T call(Scratch s, int aFd, int bFd);
    }

    /** Runs {@code call} holding both directories' locks shared, taken in path order (so no two calls wait in a cycle). */
    private <T> T changing(String a, String b, EntryCall<T> call) {
        boolean two = !a.equals(b);
        boolean ordered = a.compareTo(b) <= 0;
        Lock first = lockOf(ordered ? a : b).readLock();
        Lock second = lockOf(ordered ? b : a).readLock();
        first.lock();
        try {
            if (two) {
                second.lock();
            }
            try (Scratch s = Scratch.take()) {
                int aFd = dirFd(a);
                try {
                    int bFd = two ? dirFd(b) : aFd;
                    try {
                        return call.call(s, aFd, bFd);
                    } finally {
                        if (two) {
                            releaseDirFd(b, bFd);
                        }
                    }
                } finally {
                    releaseDirFd(a, aFd);
                }
            } finally {
                if (two) {
                    second.unlock();
                }
            }
        } finally {
            first.unlock();
        }
    }

    private ReentrantReadWriteLock lockOf(String d) {
        Integer i = index.get(d);
        return i != null ? locks[i] : runTimeLocks.computeIfAbsent(d, k -> new ReentrantReadWriteLock());
    }

    /**
     * The descriptor of directory {@code d}; the caller holds its lock. A declared directory's
     * kept one, opened now if need be; past the most kept, or for a directory created at run time,
     * one for this call ({@link #releaseDirFd} closes it).
     */
    private int dirFd(String d) {
        Integer i = index.get(d);
        if (i == null) {
            return openDirectory(d);
        }
        int fd = dirFds.get(i);
        if (fd >= 0) {
            return fd;
        }
        if (fd == CLOSED) {
            throw new IllegalStateException(this + " is closed");
        }
        int opened = openDirectory(d);
        if (cached.incrementAndGet() > maxCached) {
            cached.decrementAndGet();
            return opened;
        }
        if (dirFds.compareAndSet(i, NONE, opened)) {
            return opened;
        }
        // Another call kept one first (or the file system closed meanwhile).
        cached.decrementAndGet();
        closeDescriptor(opened);
        int now = dirFds.get(i);
        if (now < 0) {
            throw new IllegalStateException(this + " is closed");
        }
        return now;
    }

    private void releaseDirFd(String d, int fd) {
        Integer i = index.get(d);
        if (i == null || dirFds.get(i) != fd) {
            closeDescriptor(fd);
        }
    }

    private int openDirectory(String dir) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = Libc.captureSegment(arena);
            MemorySegment path = arena.allocateFrom(root.resolve(dir).toString());
            int fd;
            do {
                fd = Libc.openat(capture, AT_FDCWD, path, Libc.O_RDONLY | Libc.O_CLOEXEC, 0);
            } while (fd < 0 && Libc.errno(capture) == Libc.EINTR);
            if (fd < 0) {
                if (Libc.errno(capture) == Libc.ENOENT) {
                    throw MissingFileException.directory(dir);
                }
                throw failure(dir, Libc.errno(capture));
            }
            return fd;
        }
    }

    /** Closes a kernel descriptor; returns the {@code errno}, 0 for none. */
    static int closeDescriptor(int fd) {
        try (Scratch s = Scratch.take()) {
            // Linux frees the number even when close fails (EINTR included): never retry.
            return Libc.close(s.capture, fd) < 0 ? Libc.errno(s.capture) : 0;
        }
    }

    private static int fsyncNumber(int fd) {
        try (Scratch s = Scratch.take()) {
            int r;
            do {
                r = Libc.fsync(s.capture, fd);
            } while (r < 0 && Libc.errno(s.capture) == Libc.EINTR);
            return r < 0 ? Libc.errno(s.capture) : 0;
        }
    }

    /** Checks a directory path: declared (a map lookup), or below a declared directory. */
    private String dir(String dir) {
        return index.containsKey(dir) ? dir : Names.checkDirectoryOrBelow(dir, names);
    }

    /** Throws if the directory {@code d} does not exist now. */
    private void exists(String d) {
        if (!index.containsKey(d) && !directories.contains(d)) {
            throw MissingFileException.directory(d);
        }
    }

    /** Throws if {@code d/name} is a directory. */
    private void notDirectory(String d, String name) {
        if (directories.contains(d + "/" + name)) {
            throw new IllegalArgumentException(d + "/" + name + " is a directory");
        }
    }

    /**
     * {@link Names#check}, with a fast path for the common name (printable ASCII, no slash, not
     * {@code .} or {@code ..}, at most 255 characters), which is valid; any other goes to
     * {@link Names#check}, which accepts or rejects it with the same message as elsewhere.
     */
    private static void checkName(String name) {
        int n = name.length();
        if (n >= 1 && n <= Names.MAX_BYTES && !name.equals(".") && !name.equals("..")) {
            boolean plain = true;
            for (int i = 0; i < n && plain; i++) {
                char c = name.charAt(i);
                plain = c >= 0x20 && c < 0x7f && c != '/';
            }
            if (plain) {
                return;
            }
        }
        Names.check(name);
    }

    /**
     * {@code fd} as a descriptor of this kind that is open and, if {@code writing}, writable; else
     * the exception, class and message, the other file systems throw.
     */
    private static LinuxFd check(Fd fd, boolean writing) {
        if (!(fd instanceof LinuxFd f)) {
            throw new IllegalArgumentException("not a descriptor of this file system: " + fd);
        }
        if (f.closed()) {
            throw new IllegalStateException(f.path() + " is closed");
        }
        if (writing && !f.writable()) {
            throw new IllegalStateException(f.path() + " is open for reading, not writing");
        }
        return f;
    }

    /** The descriptor's number for one call; {@link IllegalStateException} if another thread closed it since the check. */
    private static int acquire(LinuxFd f) {
        int raw = f.acquire();
        if (raw < 0) {
            throw new IllegalStateException(f.path() + " is closed");
        }
        return raw;
    }

    private LinuxFd track(LinuxFd f) {
        open.add(f);
        if (closed) {
            open.remove(f);
            f.close();
            checkOpen();
        }
        return f;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    private static UncheckedIOException failure(String path, int errno) {
        return new UncheckedIOException(new IOException(path + ": " + Libc.message(errno)));
    }

    @Override
    public String toString() {
        return "LinuxFileSystem[" + root + ", " + names + "]";
    }
}
