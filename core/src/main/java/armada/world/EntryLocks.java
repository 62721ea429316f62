package armada.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Per directory of a {@link RealFileSystem} (by path), a lock that makes a listing one atomic
 * step: it is held shared while entries change (create, link, rename, unlink, mkdir, rmdir) and
 * exclusively while the directory is read, since a bare {@code readdir} of a directory too big
 * for one {@code getdents} call may miss or double an entry renamed under it. Calls naming two
 * directories take both shared locks in path order, so no two calls wait on each other in a
 * cycle. Locks of directories that no longer exist stay in the map (a few bytes each, one per
 * directory path ever used).
 */
final class EntryLocks {

    /** A file-system call that may throw {@link IOException}. */
    interface IoCall<T> {
        T call() throws IOException;
    }

    private final ConcurrentHashMap<String, ReentrantReadWriteLock> locks = new ConcurrentHashMap<>();

    private ReentrantReadWriteLock of(String dir) {
        return locks.computeIfAbsent(dir, d -> new ReentrantReadWriteLock());
    }

    /** Runs {@code call}, which changes entries of directories {@code a} and {@code b}. */
    <T> T changing(String a, String b, IoCall<T> call) {
        boolean ordered = a.compareTo(b) <= 0;
        Lock first = of(ordered ? a : b).readLock();
        Lock second = of(ordered ? b : a).readLock();
        boolean two = !a.equals(b);
        first.lock();
        try {
            if (two) {
                second.lock();
            }
            try {
                return call.call();
            } finally {
                if (two) {
                    second.unlock();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            first.unlock();
        }
    }

    /** Runs {@code call}, which reads directory {@code d}, with no entry of it changing meanwhile. */
    <T> T listing(String d, IoCall<T> call) {
        Lock lock = of(d).writeLock();
        lock.lock();
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }
}
