package armada.sim;

import armada.world.Lock;
import org.jspecify.annotations.Nullable;

/** A simulated lock: volatile, stamped with the generation that made it. */
final class SimLock implements Lock {

    final Machine machine;
    final int id;
    final int generation;
    @Nullable SimThread owner;
    int[] released;

    SimLock(Machine machine, int id, int generation, int maxThreads) {
        this.machine = machine;
        this.id = id;
        this.generation = generation;
        this.released = new int[maxThreads];
    }

    @Override
    public void lock() {
        machine.lock(this);
    }

    @Override
    public void unlock() {
        machine.unlock(this);
    }

    @Override
    public String toString() {
        return "lock#" + id;
    }
}
