package armada.sim;

import armada.check.Failure;
import armada.world.Lock;
import org.jspecify.annotations.Nullable;

/**
 * A simulated lock: volatile, stamped with the generation that made it. Releasing it publishes
 * the holder's vector clock; taking it joins that clock in, which is how the race detector
 * knows what the lock orders.
 */
final class SimLock implements Lock, SpinLog.Versioned {

    final Machine machine;
    final int id;
    final int generation;
    @Nullable SimThread owner;
    final int[] released;
    /** Hand-overs: how many times the lock was taken by a thread other than the one before. */
    private int handovers;
    private @Nullable SimThread lastOwner;

    SimLock(Machine machine, int id, int generation, int maxThreads) {
        this.machine = machine;
        this.id = id;
        this.generation = generation;
        this.released = new int[maxThreads];
    }

    @Override
    public int version() {
        return handovers;
    }

    @Override
    public void lock() {
        SimThread me = machine.me();
        machine.checkGeneration(this, generation);
        if (lastOwner == me) {
            // Taking it back with no one else having had it in between: a poll that may be spinning.
            machine.spinPoint(me, this, Action.LOCK, 0);
        }
        machine.point(me, Action.of(Action.LOCK, me.slot, id), this);
        if (owner != null) {
            // Only reachable in direct mode (boot), where nothing else can release it.
            throw machine.fail(new Failure.Deadlock(me.name + " locks " + this + " which it already holds during boot"));
        }
        owner = me;
        if (lastOwner != me) {
            handovers++;
            lastOwner = me;
        }
        me.locksHeld++;
        me.spin.read(this, handovers, Action.LOCK, 0);
        Machine.joinClock(me.clock, released);
        if (machine.tracing()) {
            machine.trace(me, "lock " + this);
        }
    }

    @Override
    public void unlock() {
        SimThread me = machine.me();
        machine.checkGeneration(this, generation);
        machine.point(me, Action.of(Action.UNLOCK, me.slot, id), null);
        SimThread holder = owner;
        if (holder != me) {
            throw machine.fail(new Failure.LockMisuse(me.name + " unlocks " + this
                    + (holder == null ? ", which is free" : ", which " + holder.name + " holds")));
        }
        System.arraycopy(me.clock, 0, released, 0, released.length);
        me.clock[me.slot]++;
        owner = null;
        me.locksHeld--;
        if (machine.tracing()) {
            machine.trace(me, "unlock " + this);
        }
    }

    @Override
    public String toString() {
        return "lock#" + id;
    }
}
