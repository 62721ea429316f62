package armada.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Per directory of a {@link RealFileSystem}, a lock that makes a listing one atomic step: it
 * is held shared while entries change (create, link, rename, unlink) and exclusively while the
 * directory is read, since a bare {@code readdir} of a directory too big for one
 * {@code getdents} call may miss or double an entry renamed under it. Calls naming two
 * directories take both shared locks in index order, so no two calls wait on each other in a
 * cycle.
 */
final class EntryLocks {

    /** A file-system call that may throw {@link IOException}. */
    interface IoCall<T> {
        T call() throws IOException;
    }

    private final ReentrantReadWriteLock[] locks;

    EntryLocks(int directories) {
        locks = new ReentrantReadWriteLock[directories];
        for (int i = 0; i < directories; i++) {
            locks[i] = new ReentrantReadWriteLock();
        }
    }

    /** Runs {@code call}, which changes entries of directories {@code a} and {@code b}. */
    <T> T changing(int a, int b, IoCall<T> call) {
        Lock first = locks[Math.min(a, b)].readLock();
        Lock second = locks[Math.max(a, b)].readLock();
        first.lock();
        try {
            if (a != b) {
                second.lock();
            }
            try {
                return call.call();
            } finally {
                if (a != b) {
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
    <T> T listing(int d, IoCall<T> call) {
        Lock lock = locks[d].writeLock();
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
