package armada.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;

/**
 * A real file descriptor: an open {@link FileChannel} (never in append mode, so that positional
 * writes land where they are asked to), its mode, and the path it was opened under (for
 * messages, as the simulated descriptor keeps it).
 */
final class RealFd implements Fd {

    final FileChannel channel;
    final boolean writable;
    final String path;
    private volatile boolean closed;

    RealFd(FileChannel channel, boolean writable, String path) {
        this.channel = channel;
        this.writable = writable;
        this.path = path;
    }

    /**
     * {@code fd} as a real descriptor that is open and, if {@code writing}, writable; else the
     * exception, class and message, that the simulated file system throws.
     */
    static RealFd check(Fd fd, boolean writing) {
        if (!(fd instanceof RealFd f)) {
            throw new IllegalArgumentException("not a descriptor of this file system: " + fd);
        }
        if (f.closed) {
            throw new IllegalStateException(f.path + " is closed");
        }
        if (writing && !f.writable) {
            throw new IllegalStateException(f.path + " is open for reading, not writing");
        }
        return f;
    }

    /** An I/O failure: misuse if another thread closed this descriptor meanwhile, else an I/O error. */
    RuntimeException failure(IOException e) {
        return closed ? new IllegalStateException(path + " is closed", e) : new UncheckedIOException(e);
    }

    @Override
    public boolean writable() {
        return writable;
    }

    /** Marks the descriptor closed, then closes the channel; a second call does nothing more. */
    void close() throws IOException {
        closed = true;
        channel.close();
    }

    @Override
    public String toString() {
        return "fd(" + path + (writable ? ", write" : ", read") + ")";
    }
}
