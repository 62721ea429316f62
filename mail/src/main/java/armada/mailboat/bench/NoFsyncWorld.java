package armada.mailboat.bench;

import armada.mailboat.store.ForwardingFileSystem;
import armada.world.AtomicCell;
import armada.world.Cell;
import armada.world.Disk;
import armada.world.Fd;
import armada.world.FileSystem;
import armada.world.Lock;
import armada.world.Task;
import armada.world.World;

/**
 * A World whose fsyncs do nothing: the same library, the same system calls, minus every
 * {@code fsync}. Mail delivered through it is NOT durable; it exists only so that the benchmark
 * can be compared with peers that never fsync (the Go Mailboat's benchmark).
 */
final class NoFsyncWorld implements World {

    private final World inner;
    private final FileSystem fs;

    NoFsyncWorld(World inner) {
        this.inner = inner;
        this.fs = new ForwardingFileSystem(inner.fileSystem()) {
            @Override
            public void fsync(Fd fd) {
                // Not durable on purpose: see the class comment.
            }

            @Override
            public void fsyncDir(String dir) {
                // Not durable on purpose: see the class comment.
            }
        };
    }

    @Override
    public int diskCount() {
        return inner.diskCount();
    }

    @Override
    public Disk disk(int index) {
        return inner.disk(index);
    }

    @Override
    public FileSystem fileSystem() {
        return fs;
    }

    @Override
    public Lock newLock() {
        return inner.newLock();
    }

    @Override
    public <T> Cell<T> newCell(T initial) {
        return inner.newCell(initial);
    }

    @Override
    public <T> AtomicCell<T> newAtomicCell(T initial) {
        return inner.newAtomicCell(initial);
    }

    @Override
    public Task spawn(Runnable body) {
        return inner.spawn(body);
    }

    @Override
    public int random(int bound) {
        return inner.random(bound);
    }
}
