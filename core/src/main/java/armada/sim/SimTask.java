package armada.sim;

import armada.world.Task;

/** A thread spawned through the simulated World. */
final class SimTask implements Task {

    final Machine machine;
    final SimThread thread;
    final int generation;

    SimTask(Machine machine, SimThread thread, int generation) {
        this.machine = machine;
        this.thread = thread;
        this.generation = generation;
    }

    @Override
    public void join() {
        machine.join(this);
    }

    @Override
    public String toString() {
        return "task " + thread.name;
    }
}
