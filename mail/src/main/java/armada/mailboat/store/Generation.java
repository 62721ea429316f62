package armada.mailboat.store;

import armada.mailboat.Mailboat;
import armada.mailboat.linux.LinuxFileSystem;
import armada.world.RealWorld;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One opening of the real World over the data directory, and the library on it. Its file
 * system knows the directories that existed when it opened and those it made since, so a Maildir
 * another process made needs a new generation; the old one stays open while operations started on it run, and is closed when the
 * last of them ends ({@link #retain}, {@link #release}: the count starts at one for being current).
 */
final class Generation {

    private static final Logger LOG = LoggerFactory.getLogger(Generation.class);

    private final RealWorld world;
    private final @Nullable LinuxFileSystem linux;
    private final Mailboat mailboat;
    private final TempFiles tempFiles;
    private final ReentrantLock lock = new ReentrantLock();
    private int holders = 1;

    /** @param linux the file system the library runs on, if not the World's own (closed with it) */
    Generation(RealWorld world, @Nullable LinuxFileSystem linux, Mailboat mailboat, TempFiles tempFiles) {
        this.world = world;
        this.linux = linux;
        this.mailboat = mailboat;
        this.tempFiles = tempFiles;
    }

    /** The file system the library writes through, which knows each thread's unfinished temporary files. */
    TempFiles tempFiles() {
        return tempFiles;
    }

    Mailboat mailboat() {
        return mailboat;
    }

    /** One more operation uses this generation; false if it is closed already (use the current one). */
    boolean retain() {
        lock.lock();
        try {
            if (holders == 0) {
                return false;
            }
            holders++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** An operation, or being current, ends; the last one closes the World. */
    void release() {
        boolean last;
        lock.lock();
        try {
            if (holders == 0) {
                throw new IllegalStateException("generation released more often than retained");
            }
            last = --holders == 0;
        } finally {
            lock.unlock();
        }
        if (last) {
            if (linux != null) {
                linux.close();
            }
            try {
                world.close();
            } catch (IOException e) {
                LOG.warn("closing a superseded World failed: {}", e.toString());
            }
        }
    }
}
