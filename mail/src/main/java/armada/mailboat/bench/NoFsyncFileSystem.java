package armada.mailboat.bench;

import armada.mailboat.store.ForwardingFileSystem;
import armada.world.Fd;
import armada.world.FileSystem;

/**
 * A file system whose fsyncs do nothing: the same library, the same system calls, minus every
 * {@code fsync}. Mail delivered through it is NOT durable; it exists only so that the benchmark
 * can be compared with peers that never fsync (the Go Mailboat's benchmark).
 */
final class NoFsyncFileSystem extends ForwardingFileSystem {

    NoFsyncFileSystem(FileSystem inner) {
        super(inner);
    }

    @Override
    public void fsync(Fd fd) {
        // Not durable on purpose: see the class comment.
    }

    @Override
    public void fsyncDir(String dir) {
        // Not durable on purpose: see the class comment.
    }
}
