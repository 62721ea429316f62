package armada.mailboat.store;

import armada.world.AtomicCell;
import armada.world.Cell;
import armada.world.Disk;
import armada.world.FileSystem;
import armada.world.Lock;
import armada.world.Task;
import armada.world.World;

/** A World whose file system is another one (a decorated one); everything else is the inner World's. */
public final class WorldWithFileSystem implements World {

    private final World inner;
    private final FileSystem fileSystem;

    public WorldWithFileSystem(World inner, FileSystem fileSystem) {
        this.inner = inner;
        this.fileSystem = fileSystem;
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
        return fileSystem;
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
