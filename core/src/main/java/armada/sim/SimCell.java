package armada.sim;

import armada.world.Cell;

/** A simulated memory cell with the state the race detector needs. */
final class SimCell<T> implements Cell<T> {

    final Machine machine;
    final int id;
    final int generation;
    T value;
    int writer = -1;
    int writeClock;
    final int[] readClocks;
    String lastWriter = "";

    SimCell(Machine machine, int id, int generation, T value, int maxThreads) {
        this.machine = machine;
        this.id = id;
        this.generation = generation;
        this.value = value;
        this.readClocks = new int[maxThreads];
    }

    @Override
    public T get() {
        return machine.get(this);
    }

    @Override
    public void set(T newValue) {
        machine.set(this, newValue);
    }

    @Override
    public String toString() {
        return "cell#" + id;
    }
}
