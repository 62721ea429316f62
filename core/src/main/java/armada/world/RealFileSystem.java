package armada.world;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real file system: declared directory {@code d} is {@code root/d}, created at open, and
 * files are read and written through {@link FileChannel}. Arguments are checked by
 * {@link Names} in the same order as in the simulated file system, and misused descriptors
 * fail the same way, so bad input gives the same exception and message in both.
 *
 * <p>Thread-safe. Each call is one kernel operation, with two additions that make the calls as
 * atomic as the model says: {@link #list} excludes every create, link, rename and unlink of
 * this file system in that directory while it reads it (a bare {@code readdir} may miss or
 * double an entry renamed under it), and appends through one descriptor never interleave. A
 * read racing with an append may still see part of it, as on Linux. A thread interrupted in
 * I/O closes that descriptor's channel (a {@link FileChannel} rule); later calls on it throw
 * {@link UncheckedIOException}.
 */
final class RealFileSystem implements FileSystem {

    private final Path root;
    private final List<String> names;
    private final EntryLocks entries;
    private final Set<RealFd> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private RealFileSystem(Path root, List<String> names) {
        this.root = root;
        this.names = names;
        this.entries = new EntryLocks(names.size());
    }

    /**
     * Opens the file system over {@code root}, creating {@code root/d} for each declared
     * directory {@code d} that is missing (and forcing {@code root} so they stay).
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
        return new RealFileSystem(root, names);
    }

    @Override
    public List<String> directories() {
        return names;
    }

    @Override
    public Optional<Fd> create(String dir, String name) {
        int d = dir(dir);
        Path p = file(d, name);
        checkOpen();
        return entries.changing(d, d, () -> {
            try {
                return Optional.of(track(new RealFd(FileChannel.open(p, CREATE_NEW, WRITE, APPEND), true, dir + "/" + name)));
            } catch (FileAlreadyExistsException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<Fd> open(String dir, String name) {
        int d = dir(dir);
        Path p = file(d, name);
        checkOpen();
        try {
            return Optional.of(track(new RealFd(FileChannel.open(p, READ), false, dir + "/" + name)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void append(Fd fd, byte[] data) {
        RealFd f = RealFd.check(fd, true);
        ByteBuffer buffer = ByteBuffer.wrap(data);
        f.appendLock.lock();
        try {
            while (buffer.hasRemaining()) {
                f.channel.write(buffer);
            }
        } catch (IOException e) {
            throw f.failure(e);
        } finally {
            f.appendLock.unlock();
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
        RealFd f = RealFd.check(fd, null);
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
        int from = dir(fromDir);
        int to = dir(toDir);
        Path source = file(from, fromName);
        Path target = file(to, toName);
        checkOpen();
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
        int from = dir(fromDir);
        int to = dir(toDir);
        Path source = file(from, fromName);
        Path target = file(to, toName);
        checkOpen();
        entries.changing(from, to, () -> {
            try {
                return Files.move(source, target, ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                throw new MissingFileException(fromDir, fromName);
            }
        });
    }

    @Override
    public void unlink(String dir, String name) {
        int d = dir(dir);
        Path p = file(d, name);
        checkOpen();
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
        int d = dir(dir);
        checkOpen();
        List<String> out = new ArrayList<>();
        entries.listing(d, () -> {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(resolve(root, dir))) {
                for (Path p : stream) {
                    out.add(p.getFileName().toString());
                }
            } catch (DirectoryIteratorException e) {
                throw e.getCause();
            }
            return out;
        });
        Collections.sort(out);
        return List.copyOf(out);
    }

    @Override
    public void fsync(Fd fd) {
        RealFd f = RealFd.check(fd, null);
        try {
            f.channel.force(true);
        } catch (IOException e) {
            throw f.failure(e);
        }
    }

    @Override
    public void fsyncDir(String dir) {
        dir(dir);
        checkOpen();
        try {
            force(resolve(root, dir));
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

    private int dir(String dir) {
        Names.checkDirectory(dir, names);
        return names.indexOf(dir);
    }

    private Path file(int dir, String name) {
        Names.check(name);
        return resolve(resolve(root, names.get(dir)), name);
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
