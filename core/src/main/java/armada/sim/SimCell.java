package armada.sim;

import armada.check.Failure;
import armada.world.Cell;
import java.util.Arrays;

/**
 * A simulated memory cell with its own race detector (FastTrack-style epochs): the last write
 * as (thread, clock), and each thread's last read clock. An access that is not ordered after a
 * conflicting one by the threads' vector clocks is a data race.
 */
final class SimCell<T> implements Cell<T>, SpinLog.Versioned {

    private final Machine machine;
    private final int id;
    private final int generation;
    private T value;
    private int writer;
    private int writeClock;
    private final int[] readClocks;
    private int version;

    SimCell(Machine machine, int id, int generation, T value, SimThread creator, int maxThreads) {
        this.machine = machine;
        this.id = id;
        this.generation = generation;
        this.value = value;
        this.readClocks = new int[maxThreads];
        this.writer = creator.slot;
        this.writeClock = creator.clock[creator.slot];
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public T get() {
        SimThread me = machine.me();
        machine.checkGeneration(this, generation);
        machine.spinPoint(me, this, Action.GET, 0);
        machine.point(me, Action.of(Action.GET, me.slot, id), null);
        if (writer != me.slot && writeClock > me.clock[writer]) {
            throw race(me, "get " + this, "writes", "reads");
        }
        readClocks[me.slot] = me.clock[me.slot];
        me.spin.read(this, version, Action.GET, 0);
        if (machine.tracing()) {
            machine.trace(me, "get " + this + " -> " + value);
        }
        return value;
    }

    @Override
    public void set(T newValue) {
        SimThread me = machine.me();
        machine.checkGeneration(this, generation);
        machine.point(me, Action.of(Action.SET, me.slot, id), null);
        if (writer != me.slot && writeClock > me.clock[writer]) {
            throw race(me, "set " + this + " <- " + newValue, "writes", "writes");
        }
        for (int i = 0; i < readClocks.length; i++) {
            if (i != me.slot && readClocks[i] > me.clock[i]) {
                throw race(me, "set " + this + " <- " + newValue, i, "reads", "writes");
            }
        }
        Arrays.fill(readClocks, 0);
        writer = me.slot;
        writeClock = me.clock[me.slot];
        value = newValue;
        version++;
        me.spin.clear();
        if (machine.tracing()) {
            machine.trace(me, "set " + this + " <- " + newValue);
        }
    }

    private Error race(SimThread me, String step, String earlier, String mine) {
        return race(me, step, writer, earlier, mine);
    }

    private Error race(SimThread me, String step, int other, String earlier, String mine) {
        if (machine.tracing()) {
            machine.trace(me, step);
        }
        return machine.fail(new Failure.DataRace(toString(), machine.threadName(other) + " " + earlier,
                me.name + " " + mine));
    }

    @Override
    public String toString() {
        return "cell#" + id;
    }
}
