package armada.sim;

import armada.world.AtomicCell;
import java.util.Objects;

/**
 * A simulated atomic cell: every access is one atomic step that synchronises like a volatile
 * access (a write publishes the writer's vector clock, a read joins it in), so it never races.
 * Reads take part in spin detection ({@link SpinLog}).
 */
final class SimAtomicCell<T> implements AtomicCell<T>, SpinLog.Versioned {

    private final Machine machine;
    private final int id;
    private final int generation;
    private final int[] released;
    private T value;
    private int version;

    SimAtomicCell(Machine machine, int id, int generation, T value, int maxThreads) {
        this.machine = machine;
        this.id = id;
        this.generation = generation;
        this.value = value;
        this.released = new int[maxThreads];
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public T get() {
        SimThread me = before(Action.GET, 0);
        acquire(me);
        me.spin.read(this, version, Action.GET, 0);
        trace(me, "get " + this + " -> " + value);
        return value;
    }

    @Override
    public void set(T newValue) {
        SimThread me = before(Action.SET, 0);
        write(me, newValue);
        trace(me, "set " + this + " <- " + newValue);
    }

    @Override
    public boolean compareAndSet(T expected, T update) {
        SimThread me = before(Action.SET, Objects.hashCode(expected) | 1);
        acquire(me);
        if (!Objects.equals(value, expected)) {
            me.spin.read(this, version, Action.SET, Objects.hashCode(expected) | 1);
            trace(me, "compareAndSet " + this + " " + expected + " -> " + update + ": fails, it holds " + value);
            return false;
        }
        write(me, update);
        trace(me, "compareAndSet " + this + " " + expected + " -> " + update);
        return true;
    }

    @Override
    public T getAndSet(T update) {
        SimThread me = before(Action.SET, 0);
        acquire(me);
        T old = value;
        write(me, update);
        trace(me, "getAndSet " + this + " <- " + update + " -> " + old);
        return old;
    }

    /** The step's scheduling point; a repeated read by a spinning thread waits first. */
    private SimThread before(int kind, int arg) {
        SimThread me = machine.me();
        machine.checkGeneration(this, generation);
        machine.spinPoint(me, this, kind, arg);
        machine.point(me, Action.of(kind, me.slot, id), null);
        return me;
    }

    private void acquire(SimThread me) {
        Machine.joinClock(me.clock, released);
    }

    private void write(SimThread me, T newValue) {
        System.arraycopy(me.clock, 0, released, 0, released.length);
        me.clock[me.slot]++;
        me.spin.clear();
        value = newValue;
        version++;
    }

    private void trace(SimThread me, String text) {
        if (machine.tracing()) {
            machine.trace(me, text);
        }
    }

    @Override
    public String toString() {
        return "atomic#" + id;
    }
}
