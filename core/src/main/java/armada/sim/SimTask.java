package armada.sim;

import armada.world.Task;

/** A thread spawned through the simulated World; joining it orders its steps before the joiner's. */
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
        SimThread me = machine.me();
        machine.checkGeneration(this, generation);
        machine.point(me, Action.of(Action.JOIN, me.slot, thread.slot), this);
        Machine.joinClock(me.clock, thread.clock);
        if (machine.tracing()) {
            machine.trace(me, "join " + thread.name);
        }
    }

    @Override
    public String toString() {
        return "task " + thread.name;
    }
}
