package armada.sim;

import armada.world.Cell;
import armada.world.Disk;
import armada.world.FileSystem;
import armada.world.Lock;
import armada.world.Task;
import armada.world.World;

/** The World that code under check sees inside a {@link Machine}. */
final class SimWorld implements World {

    private final Machine machine;

    SimWorld(Machine machine) {
        this.machine = machine;
    }

    Machine machine() {
        return machine;
    }

    @Override
    public int diskCount() {
        return machine.diskCount();
    }

    @Override
    public Disk disk(int index) {
        return machine.disk(index);
    }

    @Override
    public FileSystem fileSystem() {
        return machine.fileSystem();
    }

    @Override
    public Lock newLock() {
        return machine.newLock();
    }

    @Override
    public <T> Cell<T> newCell(T initial) {
        return machine.newCell(initial);
    }

    @Override
    public <T> armada.world.AtomicCell<T> newAtomicCell(T initial) {
        return machine.newAtomicCell(initial);
    }

    @Override
    public Task spawn(Runnable body) {
        return machine.spawn(body);
    }

    @Override
    public int random(int bound) {
        return machine.random(bound);
    }
}
