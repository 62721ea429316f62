package armada.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A real file descriptor: an open {@link FileChannel}, its mode, and the path it was opened
 * under (for messages, as the simulated descriptor keeps it). Appends through one descriptor
 * are serialised by {@link #appendLock}, so each is one atomic step for the other appenders.
 */
final class RealFd implements Fd {

    final FileChannel channel;
    final boolean appendable;
    final String path;
    final ReentrantLock appendLock = new ReentrantLock();
    private volatile boolean closed;

    RealFd(FileChannel channel, boolean appendable, String path) {
        this.channel = channel;
        this.appendable = appendable;
        this.path = path;
    }

    /**
     * {@code fd} as a real descriptor that is open and, unless {@code appendable} is null, of
     * that mode; else the exception, class and message, that the simulated file system throws.
     */
    static RealFd check(Fd fd, @Nullable Boolean appendable) {
        if (!(fd instanceof RealFd f)) {
            throw new IllegalArgumentException("not a descriptor of this file system: " + fd);
        }
        if (f.closed) {
            throw new IllegalStateException(f.path + " is closed");
        }
        if (appendable != null && appendable != f.appendable) {
            throw new IllegalStateException(f.path + (f.appendable ? " is open for appending, not reading"
                    : " is open for reading, not appending"));
        }
        return f;
    }

    /** An I/O failure: misuse if another thread closed this descriptor meanwhile, else an I/O error. */
    RuntimeException failure(IOException e) {
        return closed ? new IllegalStateException(path + " is closed", e) : new UncheckedIOException(e);
    }

    @Override
    public boolean appendable() {
        return appendable;
    }

    /** Marks the descriptor closed, then closes the channel; a second call does nothing more. */
    void close() throws IOException {
        closed = true;
        channel.close();
    }

    @Override
    public String toString() {
        return "fd(" + path + (appendable ? ", append" : ", read") + ")";
    }
}
