package armada.mailboat.linux;

import armada.world.Fd;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file descriptor of a {@link LinuxFileSystem}: the kernel's descriptor number (never in
 * append mode, so that positional writes land where they are asked to), whether it may write,
 * and the name it was opened under (for messages). The number is closed only when no call is
 * using it ({@link #acquire}, {@link #release}), so a close racing with a read can never make the
 * read use a number the kernel has meanwhile given to another file.
 */
final class LinuxFd implements Fd {

    private static final int CLOSED = 1 << 30;

    private final int fd;
    private final boolean writable;
    private final String dir;
    private final String name;
    /** Calls using the number now, plus {@link #CLOSED} once closed. */
    private final AtomicInteger state = new AtomicInteger();

    LinuxFd(int fd, boolean writable, String dir, String name) {
        this.fd = fd;
        this.writable = writable;
        this.dir = dir;
        this.name = name;
    }

    @Override
    public boolean writable() {
        return writable;
    }

    String path() {
        return dir + "/" + name;
    }

    boolean closed() {
        return (state.get() & CLOSED) != 0;
    }

    /** Starts a call on the descriptor: its number, or -1 if it is closed. */
    int acquire() {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return -1;
            }
            if (state.compareAndSet(s, s + 1)) {
                return fd;
            }
        }
    }

    /** Ends a call; the last call after a close closes the number. */
    void release() {
        if (state.decrementAndGet() == CLOSED) {
            closeNumber();
        }
    }

    /**
     * Marks the descriptor closed and closes its number now, or when the calls using it end.
     * Returns the close's {@code errno} (0 for none, or when it is deferred or already closed).
     */
    int close() {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return 0;
            }
            if (state.compareAndSet(s, s | CLOSED)) {
                return s == 0 ? closeNumber() : 0;
            }
        }
    }

    private int closeNumber() {
        return LinuxFileSystem.closeDescriptor(fd);
    }

    @Override
    public String toString() {
        return "fd(" + path() + (writable ? ", write" : ", read") + ")";
    }
}
