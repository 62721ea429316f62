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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * {@link #MAX_CACHED_DIRECTORIES}; past that, opened and closed per call), and every call is one
 * {@code *at} system call relative to it, with no path walk and no extra {@code stat}: create is
 * one {@code openat}, link one {@code linkat}, unlink one {@code unlinkat}, fsyncDir one
 * {@code fsync} of the kept descriptor, a read of a small file one {@code pread}, a listing a
 * {@code lseek} and {@code getdents64} until the end.
 *
 * <p>Thread-safe, with the same atomicity as the NIO file system: a listing holds its
 * directory's lock exclusively, calls that change or name entries hold it shared (so a listing is
 * one atomic step), and appends through one descriptor never interleave. A directory's kept
 * descriptor is only used under that lock, and {@link #close} takes each lock exclusively
 * before closing the descriptor, so no call can use a closed number.
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
    private final Map<String, Integer> index = new HashMap<>();
    private final ReentrantReadWriteLock[] locks;
    /** Per directory: its kept descriptor, {@link #NONE}, or {@link #CLOSED}. */
    private final AtomicIntegerArray dirFds;
    private final AtomicInteger cached = new AtomicInteger();
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
     * AArch64, RISC-V), a C library with the calls, and native access allowed.
     */
    public static boolean available() {
        if (!System.getProperty("os.name", "").equals("Linux")
                || !List.of("amd64", "x86_64", "aarch64", "riscv64").contains(System.getProperty("os.arch", ""))) {
            return false;
        }
        try {
            return Libc.bound();
        } catch (LinkageError e) {
            return false;
        }
    }

    /**
     * Opens the file system over {@code root}, creating {@code root/d} for each declared directory
     * {@code d} that is missing (and forcing its parents so they stay), as the NIO one does; empty
     * where it is not {@link #available}.
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
        return Optional.of(new LinuxFileSystem(absolute, names, maxCached));
    }

    @Override
    public List<String> directories() {
        return names;
    }

    @Override
    public Optional<Fd> create(String dir, String name) {
        int d = dir(dir);
        checkName(name);
        checkOpen();
        Lock lock = locks[d].readLock();
        lock.lock();
        try (Scratch s = Scratch.take()) {
            MemorySegment capture = s.capture;
            MemorySegment cName = s.name1(name);
            int dirFd = dirFd(d);
            try {
                int fd;
                do {
                    fd = Libc.openat(capture, dirFd, cName, Libc.O_CREAT | Libc.O_EXCL | Libc.O_WRONLY | Libc.O_APPEND
                            | Libc.O_CLOEXEC, 0666);
                } while (fd < 0 && Libc.errno(capture) == Libc.EINTR);
                if (fd < 0) {
                    if (Libc.errno(capture) == Libc.EEXIST) {
                        return Optional.empty();
                    }
                    throw failure(dir + "/" + name, Libc.errno(capture));
                }
                return Optional.of(track(new LinuxFd(fd, true, dir, name)));
            } finally {
                releaseDirFd(d, dirFd);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Fd> open(String dir, String name) {
        int d = dir(dir);
        checkName(name);
        checkOpen();
        Lock lock = locks[d].readLock();
        lock.lock();
        try (Scratch s = Scratch.take()) {
            MemorySegment capture = s.capture;
            MemorySegment cName = s.name1(name);
            int dirFd = dirFd(d);
            try {
                int fd;
                do {
                    fd = Libc.openat(capture, dirFd, cName, Libc.O_RDONLY | Libc.O_CLOEXEC, 0);
                } while (fd < 0 && Libc.errno(capture) == Libc.EINTR);
                if (fd < 0) {
                    if (Libc.errno(capture) == Libc.ENOENT) {
                        return Optional.empty();
                    }
                    throw failure(dir + "/" + name, Libc.errno(capture));
                }
                return Optional.of(track(new LinuxFd(fd, false, dir, name)));
            } finally {
                releaseDirFd(d, dirFd);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void append(Fd fd, byte[] data) {
        LinuxFd f = check(fd, true);
        f.appendLock.lock();
        int raw = acquire(f);
        try (Scratch s = Scratch.take()) {
            for (int done = 0; done < data.length; ) {
                int chunk = Math.min(data.length - done, Scratch.DATA);
                MemorySegment.copy(data, done, s.data, ValueLayout.JAVA_BYTE, 0, chunk);
                for (int written = 0; written < chunk; ) {
                    long n = Libc.write(s.capture, raw, s.data.asSlice(written), chunk - written);
                    if (n < 0) {
                        if (Libc.errno(s.capture) == Libc.EINTR) {
                            continue;
                        }
                        throw failure(f.path(), Libc.errno(s.capture));
                    }
                    written += (int) n;
                }
                done += chunk;
            }
        } finally {
            f.release();
            f.appendLock.unlock();
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
            long size;
            do {
                size = Libc.lseek(s.capture, raw, 0, Libc.SEEK_END);
            } while (size < 0 && Libc.errno(s.capture) == Libc.EINTR);
            if (size < 0) {
                throw failure(f.path(), Libc.errno(s.capture));
            }
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
        LinuxFd f = check(fd, null);
        int raw = acquire(f);
        try (Scratch s = Scratch.take()) {
            MemorySegment capture = s.capture;
            // Reads are positional and appends go to the end whatever the offset, so moving it is harmless.
            long size;
            do {
                size = Libc.lseek(capture, raw, 0, Libc.SEEK_END);
            } while (size < 0 && Libc.errno(capture) == Libc.EINTR);
            if (size < 0) {
                throw failure(f.path(), Libc.errno(capture));
            }
            return size;
        } finally {
            f.release();
        }
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
        int from = dir(fromDir);
        int to = dir(toDir);
        checkName(fromName);
        checkName(toName);
        checkOpen();
        return changing(from, to, (s, fromFd, toFd) -> {
            MemorySegment capture = s.capture;
            MemorySegment source = s.name1(fromName);
            MemorySegment target = s.name2(toName);
            int r;
            do {
                r = Libc.linkat(capture, fromFd, source, toFd, target);
            } while (r < 0 && Libc.errno(capture) == Libc.EINTR);
            if (r == 0) {
                return true;
            }
            return switch (Libc.errno(capture)) {
                case Libc.EEXIST -> false;
                // link(2) looks the source up before the target: a missing source wins.
                case Libc.ENOENT -> throw new MissingFileException(fromDir, fromName);
                default -> throw failure(toDir + "/" + toName, Libc.errno(capture));
            };
        });
    }

    @Override
    public void rename(String fromDir, String fromName, String toDir, String toName) {
        int from = dir(fromDir);
        int to = dir(toDir);
        checkName(fromName);
        checkName(toName);
        checkOpen();
        changing(from, to, (s, fromFd, toFd) -> {
            MemorySegment capture = s.capture;
            MemorySegment source = s.name1(fromName);
            MemorySegment target = s.name2(toName);
            int r;
            do {
                r = Libc.renameat(capture, fromFd, source, toFd, target);
            } while (r < 0 && Libc.errno(capture) == Libc.EINTR);
            if (r < 0) {
                if (Libc.errno(capture) == Libc.ENOENT) {
                    throw new MissingFileException(fromDir, fromName);
                }
                throw failure(fromDir + "/" + fromName, Libc.errno(capture));
            }
            return true;
        });
    }

    @Override
    public void unlink(String dir, String name) {
        int d = dir(dir);
        checkName(name);
        checkOpen();
        changing(d, d, (s, fd, same) -> {
            MemorySegment capture = s.capture;
            MemorySegment cName = s.name1(name);
            int r;
            do {
                r = Libc.unlinkat(capture, fd, cName);
            } while (r < 0 && Libc.errno(capture) == Libc.EINTR);
            if (r < 0) {
                if (Libc.errno(capture) == Libc.ENOENT) {
                    throw new MissingFileException(dir, name);
                }
                throw failure(dir + "/" + name, Libc.errno(capture));
            }
            return true;
        });
    }

    @Override
    public List<String> list(String dir) {
        int d = dir(dir);
        checkOpen();
        List<String> out = new ArrayList<>();
        Lock lock = locks[d].writeLock();
        lock.lock();
        try (Scratch s = Scratch.take()) {
            MemorySegment capture = s.capture;
            int dirFd = dirFd(d);
            try {
                long at;
                do {
                    at = Libc.lseek(capture, dirFd, 0, Libc.SEEK_SET);
                } while (at < 0 && Libc.errno(capture) == Libc.EINTR);
                if (at < 0) {
                    throw failure(dir, Libc.errno(capture));
                }
                MemorySegment buffer = s.data;
                while (true) {
                    long n = Libc.getdents64(capture, dirFd, buffer, buffer.byteSize());
                    if (n < 0) {
                        if (Libc.errno(capture) == Libc.EINTR) {
                            continue;
                        }
                        throw failure(dir, Libc.errno(capture));
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
    public void fsync(Fd fd) {
        LinuxFd f = check(fd, null);
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
        int d = dir(dir);
        checkOpen();
        Lock lock = locks[d].readLock();
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

    /** Runs {@code call} holding both directories' locks shared (in index order, so no two calls wait in a cycle). */
    private <T> T changing(int a, int b, EntryCall<T> call) {
        Lock first = locks[Math.min(a, b)].readLock();
        Lock second = locks[Math.max(a, b)].readLock();
        first.lock();
        try {
            if (a != b) {
                second.lock();
            }
            try (Scratch s = Scratch.take()) {
                int aFd = dirFd(a);
                try {
                    int bFd = a == b ? aFd : dirFd(b);
                    try {
                        return call.call(s, aFd, bFd);
                    } finally {
                        if (a != b) {
                            releaseDirFd(b, bFd);
                        }
                    }
                } finally {
                    releaseDirFd(a, aFd);
                }
            } finally {
                if (a != b) {
                    second.unlock();
                }
            }
        } finally {
            first.unlock();
        }
    }

    /**
     * The descriptor of directory {@code d}; the caller holds its lock. The kept one, opened now
     * if need be; past the most kept, one for this call ({@link #releaseDirFd} closes it).
     */
    private int dirFd(int d) {
        int fd = dirFds.get(d);
        if (fd >= 0) {
            return fd;
        }
        if (fd == CLOSED) {
            throw new IllegalStateException(this + " is closed");
        }
        int opened = openDirectory(names.get(d));
        if (cached.incrementAndGet() > maxCached) {
            cached.decrementAndGet();
            return opened;
        }
        if (dirFds.compareAndSet(d, NONE, opened)) {
            return opened;
        }
        // Another call kept one first (or the file system closed meanwhile).
        cached.decrementAndGet();
        closeDescriptor(opened);
        int now = dirFds.get(d);
        if (now < 0) {
            throw new IllegalStateException(this + " is closed");
        }
        return now;
    }

    private void releaseDirFd(int d, int fd) {
        if (dirFds.get(d) != fd) {
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
            MemorySegment capture = s.capture;
            int r;
            do {
                r = Libc.fsync(capture, fd);
            } while (r < 0 && Libc.errno(capture) == Libc.EINTR);
            return r < 0 ? Libc.errno(capture) : 0;
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

    private int dir(String dir) {
        Integer d = index.get(dir);
        if (d == null) {
            Names.checkDirectory(dir, names);
            throw new AssertionError("undeclared directory passed the check: " + dir);
        }
        return d;
    }

    /**
     * {@code fd} as a descriptor of this kind that is open and, unless {@code appendable} is
     * null, of that mode; else the exception, class and message, the other file systems throw.
     */
    private static LinuxFd check(Fd fd, @org.jspecify.annotations.Nullable Boolean appendable) {
        if (!(fd instanceof LinuxFd f)) {
            throw new IllegalArgumentException("not a descriptor of this file system: " + fd);
        }
        if (f.closed()) {
            throw new IllegalStateException(f.path() + " is closed");
        }
        if (appendable != null && appendable != f.appendable()) {
            throw new IllegalStateException(f.path() + (f.appendable() ? " is open for appending, not reading"
                    : " is open for reading, not appending"));
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
