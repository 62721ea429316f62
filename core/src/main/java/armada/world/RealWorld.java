package armada.world;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The World that runs checked code in production. Disk {@code i} is the file
 * {@code disk<i>.img} in one directory, written through and forced on every write; declared
 * file-system directory {@code d} is the subdirectory {@code d} of the same directory; locks,
 * cells and threads are real ones (threads are virtual). Each disk file is locked while open,
 * so a directory belongs to one RealWorld at a time; {@link #close()} releases it.
 */
public final class RealWorld implements World, AutoCloseable {

    private final Path directory;
    private final FileDisk[] disks;
    private final RealFileSystem fileSystem;
    private final AtomicInteger lockIds = new AtomicInteger();
    private final AtomicInteger cellIds = new AtomicInteger();
    private final AtomicInteger threadIds = new AtomicInteger();

    private RealWorld(Path directory, FileDisk[] disks, RealFileSystem fileSystem) {
        this.directory = directory;
        this.disks = disks;
        this.fileSystem = fileSystem;
    }

    /**
     * Opens the files {@code disk0.img} .. {@code disk<disks-1>.img} in {@code directory},
     * creating the directory and any missing file (all zero). An existing file must already
     * hold exactly {@code blocksPerDisk} blocks: user data is never resized.
     *
     * @throws IllegalArgumentException if a count is out of range or a file has the wrong size
     * @throws IllegalStateException if a disk file is already open, in this or another process
     * @throws IOException if a file cannot be created or opened
     */
    public static RealWorld open(Path directory, int disks, int blocksPerDisk) throws IOException {
        return open(directory, disks, blocksPerDisk, List.of());
    }

    /**
     * Opens the disks as {@link #open(Path, int, int)} does, and a file system whose declared
     * directories are the subdirectories {@code directories} of {@code directory}, each created
     * if missing. With no directories, {@link #fileSystem()} has none: every call naming a
     * directory fails as undeclared.
     *
     * @throws IllegalArgumentException also if a directory is not a relative path of valid names
     *     (such as {@code alice/new}), or starts with a name a disk file uses ({@code disk<i>.img}, {@code disk<i>.img.new})
     */
    public static RealWorld open(Path directory, int disks, int blocksPerDisk, List<String> directories)
            throws IOException {
        for (String d : directories) {
            Names.checkDirectoryPath(d);
            if (d.split("/")[0].matches("disk[0-9]+\\.img(\\.new)?")) {
                throw new IllegalArgumentException("the directory name '" + d + "' is kept for a disk file");
            }
        }
        if (disks < 0) {
            throw new IllegalArgumentException("a World has 0 or more disks, not " + disks);
        }
        if (blocksPerDisk < 1) {
            throw new IllegalArgumentException("a disk has 1 or more blocks, not " + blocksPerDisk);
        }
        Files.createDirectories(directory);
        FileDisk[] opened = new FileDisk[disks];
        try {
            for (int i = 0; i < disks; i++) {
                opened[i] = openDisk(directory, i, blocksPerDisk);
            }
            return new RealWorld(directory, opened, RealFileSystem.open(directory, directories));
        } catch (IOException | RuntimeException e) {
            IOException c = closeAll(opened);
            if (c != null) {
                e.addSuppressed(c);
            }
            throw e;
        }
    }

    private static FileDisk openDisk(Path directory, int index, int blocks) throws IOException {
        Path file = directory.resolve("disk" + index + ".img");
        long bytes = (long) blocks * Block.SIZE;
        if (!Files.exists(file)) {
            create(directory, file, bytes);
        }
        FileChannel channel = FileChannel.open(file, READ, WRITE);
        try {
            try {
                if (channel.tryLock() == null) {
                    throw new IllegalStateException(file + " is open in another process");
                }
            } catch (OverlappingFileLockException e) {
                throw new IllegalStateException(file + " is already open in this process", e);
            }
            long actual = channel.size();
            if (actual != bytes) {
                throw new IllegalArgumentException(file + " is " + actual + " bytes, but "
                        + blocks + " blocks of " + Block.SIZE + " are " + bytes
                        + " bytes; an existing disk is never resized");
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
        return new FileDisk(index, channel, blocks);
    }

    /** Writes an all-zero file beside {@code file}, forces it, and renames it into place. */
    private static void create(Path directory, Path file, long bytes) throws IOException {
        // Renaming a complete file means a crash never leaves a short disk file behind.
        Path temp = directory.resolve(file.getFileName() + ".new");
        try (FileChannel channel = FileChannel.open(temp, CREATE, TRUNCATE_EXISTING, WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(64 * Block.SIZE);
            long position = 0;
            while (position < bytes) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), bytes - position));
                position += channel.write(zeros, position);
            }
            channel.force(true);
        }
        Files.move(temp, file, ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(directory, READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; the rename is as durable as
            // they make it.
        }
    }

    @Override
    public int diskCount() {
        return disks.length;
    }

    @Override
    public Disk disk(int index) {
        if (index < 0 || index >= disks.length) {
            throw new IndexOutOfBoundsException("this World has " + disks.length + " disks; no disk " + index);
        }
        return disks[index];
    }

    @Override
    public FileSystem fileSystem() {
        return fileSystem;
    }

    @Override
    public Lock newLock() {
        return new RealLock(lockIds.getAndIncrement());
    }

    @Override
    public <T> Cell<T> newCell(T initial) {
        return new RealCell<>(cellIds.getAndIncrement(), initial);
    }

    @Override
    public <T> AtomicCell<T> newAtomicCell(T initial) {
        return new RealAtomicCell<>(cellIds.getAndIncrement(), initial);
    }

    /** Starts a virtual thread named {@code s0}, {@code s1}, ... running {@code body}. */
    @Override
    public Task spawn(Runnable body) {
        return RealTask.start("s" + threadIds.getAndIncrement(), body);
    }

    @Override
    public int random(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("random bound must be positive, not " + bound);
        }
        return ThreadLocalRandom.current().nextInt(bound);
    }

    /**
     * Closes the disk files and every file descriptor still open. Every disk write has already
     * been forced, so none is lost; file data and directory entries are as durable as the
     * fsyncs made them.
     */
    @Override
    public void close() throws IOException {
        CloseAll all = new CloseAll();
        for (FileDisk d : disks) {
            if (d != null) {
                all.close(d::close);
            }
        }
        all.close(fileSystem::close).rethrow();
    }

    /** Closes every disk opened so far; returns the first exception, with the others added to it. */
    private static @Nullable IOException closeAll(@Nullable FileDisk[] disks) {
        CloseAll all = new CloseAll();
        for (FileDisk d : disks) {
            if (d != null) {
                all.close(d::close);
            }
        }
        return all.failure();
    }

    private static void closeQuietly(FileChannel channel, Exception pending) {
        try {
            channel.close();
        } catch (IOException e) {
            pending.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "RealWorld[" + directory + ", " + disks.length + " disks, directories " + fileSystem.directories() + "]";
    }
}
