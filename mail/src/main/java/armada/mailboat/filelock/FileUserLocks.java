package armada.mailboat.filelock;

import armada.mailboat.UserLocks;
import armada.mailboat.UserNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A user's lock as {@code FileChannel.lock} on {@code <root>/<user>/lock}, opened and closed on
 * every acquisition as CMAIL does, so that separate processes exclude each other too. A JVM
 * holds a file lock for the whole process, so threads of one process first take an in-memory
 * lock per user; the file lock then adds exactly the system calls the papers measured.
 */
public final class FileUserLocks implements UserLocks {

    private final Path root;
    private final Map<String, ReentrantLock> threads = new ConcurrentHashMap<>();
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    private record Held(FileChannel channel, FileLock lock) {
    }

    public FileUserLocks(Path root) {
        this.root = root;
    }

    @Override
    public void lock(String user) {
        UserNames.check(user);
        ReentrantLock mine = threads.computeIfAbsent(user, u -> new ReentrantLock());
        if (mine.isHeldByCurrentThread()) {
            throw new IllegalStateException(user + "'s lock is already held by this thread");
        }
        mine.lock();
        try {
            FileChannel ch = FileChannel.open(root.resolve(user).resolve("lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            held.put(user, new Held(ch, ch.lock()));
        } catch (IOException e) {
            mine.unlock();
            throw new UncheckedIOException("cannot lock " + user, e);
        }
    }

    @Override
    public void unlock(String user) {
        ReentrantLock mine = threads.get(user);
        if (mine == null || !mine.isHeldByCurrentThread()) {
            throw new IllegalStateException(user + "'s lock is not held by this thread");
        }
        Held h = Objects.requireNonNull(held.remove(user)); // lock() put it before this thread held mine
        try {
            h.lock().release();
            h.channel().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unlock " + user, e);
        } finally {
            mine.unlock();
        }
    }
}
