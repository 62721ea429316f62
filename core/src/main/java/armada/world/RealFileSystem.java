package armada.world;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The real file system: directory {@code d} is {@code root/d} (declared ones created at open),
 * and files are read and written through {@link FileChannel}. Arguments are checked by
 * {@link Names} in the same order as in the simulated file system, and misused descriptors
 * fail the same way, so bad input gives the same exception and message in both.
 *
 * <p>Which paths are directories is kept in memory ({@link #directories}: the declared ones
 * and every directory found below them at open or created since), so that telling a
 * subdirectory from a file costs no system call. The file system assumes it is the only writer
 * of its tree while open.
 *
 * <p>Thread-safe. Each call is one kernel operation, with additions that make the calls as
 * atomic as the model says: {@link #list} excludes every entry change of this file system in
 * that directory while it reads it (a bare {@code readdir} may miss or double an entry renamed
 * under it), and appends, writes and truncations are serialised by one lock, so that an append
 * (a size, then a positional write) is one step for every other descriptor. A read racing with
 * a write may still see part of it, as on Linux. A thread interrupted in I/O closes that
 * descriptor's channel (a {@link FileChannel} rule); later calls on it throw
 * {@link UncheckedIOException}.
 */
final class RealFileSystem implements FileSystem {

    private static final OpenOption[] READING = {READ};
    private static final OpenOption[] WRITING = {READ, WRITE};
    private static final OpenOption[] CREATING = {CREATE_NEW, READ, WRITE};

    private final Path root;
    private final List<String> names;
    private final Set<String> directories = ConcurrentHashMap.newKeySet();
    private final EntryLocks entries = new EntryLocks();
    private final ReentrantLock dataLock = new ReentrantLock();
    private final Set<RealFd> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private RealFileSystem(Path root, List<String> names) {
        this.root = root;
        this.names = names;
    }

    /**
     * Opens the file system over {@code root}, creating {@code root/d} for each declared
     * directory {@code d} that is missing (and forcing {@code root} so they stay), and noting
     * every directory already below them.
     *
     * @throws IllegalArgumentException if a directory is not a valid relative path of names
     */
    static RealFileSystem open(Path root, List<String> directories) throws IOException {
        List<String> names = List.copyOf(directories);
        for (String d : names) {
            Names.checkDirectoryPath(d);
        }
        Files.createDirectories(root);
        for (String d : names) {
            Path p = resolve(root, d);
            if (!Files.isDirectory(p)) {
                Files.createDirectories(p);
                // Make each new entry durable: force every directory from p's parent up to root.
                for (Path up = p.getParent(); up != null && up.startsWith(root); up = up.getParent()) {
                    force(up);
                }
            }
        }
        RealFileSystem fs = new RealFileSystem(root, names);
        for (String d : names) {
            fs.directories.add(d);
            Files.walkFileTree(resolve(root, d), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    List<String> parts = new ArrayList<>();
                    for (Path part : root.relativize(dir)) {
                        parts.add(part.toString());
                    }
                    fs.directories.add(String.join("/", parts));
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return fs;
    }

    @Override
    public List<String> directories() {
        return names;
    }

    @Override
    public Optional<Fd> create(String dir, String name) {
        String d = dir(dir);
        Path p = file(d, name);
        checkOpen();
        exists(d);
        return entries.changing(d, d, () -> {
            try {
                return Optional.of(track(new RealFd(FileChannel.open(p, CREATING), true, dir + "/" + name)));
            } catch (FileAlreadyExistsException e) {
                return Optional.empty();
            } catch (NoSuchFileException e) {
                throw MissingFileException.directory(dir);
            }
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
        Path p = file(d, name);
        checkOpen();
        exists(d);
        notDirectory(d, name);
        try {
            return Optional.of(track(new RealFd(FileChannel.open(p, writable ? WRITING : READING), writable, dir + "/" + name)));
        } catch (NoSuchFileException e) {
            exists(d);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void append(Fd fd, byte[] data) {
        RealFd f = RealFd.check(fd, true);
        dataLock.lock();
        try {
            writeFully(f, f.channel.size(), data);
        } catch (IOException e) {
            throw f.failure(e);
        } finally {
            dataLock.unlock();
        }
    }

    @Override
    public void write(Fd fd, long offset, byte[] data) {
        RealFd f = RealFd.check(fd, true);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        dataLock.lock();
        try {
            writeFully(f, offset, data);
        } catch (IOException e) {
            throw f.failure(e);
        } finally {
            dataLock.unlock();
        }
    }

    private static void writeFully(RealFd f, long offset, byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
            f.channel.write(buffer, offset + buffer.position());
        }
    }

    @Override
    public void truncate(Fd fd, long length) {
        RealFd f = RealFd.check(fd, true);
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative");
        }
        dataLock.lock();
        try {
            long size = f.channel.size();
            if (length < size) {
                f.channel.truncate(length);
            } else if (length > size) {
                // FileChannel.truncate never grows a file; a zero byte at the new end does (the gap reads as zeros).
                f.channel.write(ByteBuffer.wrap(new byte[1]), length - 1);
            }
        } catch (IOException e) {
            throw f.failure(e);
        } finally {
            dataLock.unlock();
        }
    }

    @Override
    public byte[] read(Fd fd, long offset, int length) {
        RealFd f = RealFd.check(fd, false);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        try {
            // Size the buffer by what the file holds, so a huge length costs nothing.
            long available = f.channel.size() - offset;
            if (available <= 0 || length == 0) {
                return new byte[0];
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, available));
            while (buffer.hasRemaining() && f.channel.read(buffer, offset + buffer.position()) >= 0) {
                // Positional reads may return short; go on until full or at the end.
            }
            byte[] bytes = buffer.array();
            return buffer.hasRemaining() ? Arrays.copyOf(bytes, buffer.position()) : bytes;
        } catch (IOException e) {
            throw f.failure(e);
        }
    }

    @Override
    public long size(Fd fd) {
        RealFd f = RealFd.check(fd, false);
        try {
            return f.channel.size();
        } catch (IOException e) {
            throw f.failure(e);
        }
    }

    @Override
    public void close(Fd fd) {
        if (!(fd instanceof RealFd f)) {
            throw new IllegalArgumentException("not a descriptor of this file system: " + fd);
        }
        open.remove(f);
        try {
            f.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean link(String fromDir, String fromName, String toDir, String toName) {
        String from = dir(fromDir);
        String to = dir(toDir);
        Path source = file(from, fromName);
        Path target = file(to, toName);
        checkOpen();
        exists(from);
        exists(to);
        notDirectory(from, fromName);
        return entries.changing(from, to, () -> {
            try {
                Files.createLink(target, source);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (NoSuchFileException e) {
                // link(2) looks the source up before the target: a missing source wins.
                throw new MissingFileException(fromDir, fromName);
            }
        });
    }

    @Override
    public void rename(String fromDir, String fromName, String toDir, String toName) {
        String from = dir(fromDir);
        String to = dir(toDir);
        Path source = file(from, fromName);
        Path target = file(to, toName);
        checkOpen();
        exists(from);
        exists(to);
        notDirectory(from, fromName);
        entries.changing(from, to, () -> {
            if (!Files.exists(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new MissingFileException(fromDir, fromName);
            }
            notDirectory(to, toName);
            try {
                return Files.move(source, target, ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                throw new MissingFileException(fromDir, fromName);
            }
        });
    }

    @Override
    public void unlink(String dir, String name) {
        String d = dir(dir);
        Path p = file(d, name);
        checkOpen();
        exists(d);
        notDirectory(d, name);
        entries.changing(d, d, () -> {
            try {
                Files.delete(p);
                return p;
            } catch (NoSuchFileException e) {
                throw new MissingFileException(dir, name);
            }
        });
    }

    @Override
    public List<String> list(String dir) {
        String d = dir(dir);
        checkOpen();
        exists(d);
        List<String> out = new ArrayList<>();
        entries.listing(d, () -> {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(resolve(root, d))) {
                for (Path p : stream) {
                    out.add(p.getFileName().toString());
                }
            } catch (DirectoryIteratorException e) {
                throw e.getCause();
            } catch (NoSuchFileException e) {
                throw MissingFileException.directory(dir);
            }
            return out;
        });
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
        Path p = resolve(root, d);
        return entries.changing(parent, parent, () -> {
            try {
                Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (NoSuchFileException e) {
                throw MissingFileException.directory(parent);
            }
            directories.add(d);
            return true;
        });
    }

    @Override
    public void rmdir(String dir) {
        String d = dir(dir);
        if (names.contains(d)) {
            throw new IllegalArgumentException("the declared directory " + dir + " cannot be removed");
        }
        String parent = java.util.Objects.requireNonNull(Names.parent(d));
        checkOpen();
        exists(d);
        Path p = resolve(root, d);
        entries.changing(parent, d, () -> {
            try {
                Files.delete(p);
            } catch (DirectoryNotEmptyException e) {
                throw new IllegalStateException("the directory " + dir + " is not empty");
            } catch (NoSuchFileException e) {
                throw MissingFileException.directory(dir);
            }
            directories.remove(d);
            return p;
        });
    }

    @Override
    public void fsync(Fd fd) {
        RealFd f = RealFd.check(fd, false);
        try {
            f.channel.force(true);
        } catch (IOException e) {
            throw f.failure(e);
        }
    }

    @Override
    public void fsyncDir(String dir) {
        String d = dir(dir);
        checkOpen();
        exists(d);
        try {
            force(resolve(root, d));
        } catch (NoSuchFileException e) {
            throw MissingFileException.directory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes every descriptor still open; from then on each call throws {@link IllegalStateException}. */
    void close() throws IOException {
        closed = true;
        CloseAll all = new CloseAll();
        for (RealFd f : open) {
            open.remove(f);
            all.close(f::close);
        }
        all.rethrow();
    }

    // ------------------------------------------------------------------ helpers

    /** Checks a directory path: declared, or below a declared directory. */
    private String dir(String dir) {
        return Names.checkDirectoryOrBelow(dir, names);
    }

    /** Throws if the directory {@code d} does not exist now. */
    private void exists(String d) {
        if (!directories.contains(d)) {
            throw MissingFileException.directory(d);
        }
    }

    /** Throws if {@code d/name} is a directory. */
    private void notDirectory(String d, String name) {
        if (directories.contains(d + "/" + name)) {
            throw new IllegalArgumentException(d + "/" + name + " is a directory");
        }
    }

    private Path file(String dir, String name) {
        Names.check(name);
        return resolve(resolve(root, dir), name);
    }

    private static Path resolve(Path parent, String name) {
        try {
            return parent.resolve(name);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("the file name '" + name + "' cannot be encoded as a path here (sun.jnu.encoding="
                    + System.getProperty("sun.jnu.encoding") + "; names need a UTF-8 locale)", e);
        }
    }

    private RealFd track(RealFd f) throws IOException {
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

    private static void force(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, READ)) {
            channel.force(true);
        }
    }

    @Override
    public String toString() {
        return "RealFileSystem[" + root + ", " + names + "]";
    }
}
