package armada.examples.tso;

import armada.examples.tso.TsoOp.Barrier;
import armada.examples.tso.TsoOp.Read;
import armada.examples.tso.TsoOp.Write;
import armada.world.LowerLayer;

/**
 * The counter under Peterson's lock for the two client cores (p1, p2) instead of test-and-set:
 * raise my flag, give the turn away, then a barrier (mfence) so that both stores are in memory
 * before I read the other's flag; the release stores my flag down and fences too, so that an
 * increment's count is in memory when it returns. The final get runs alone, after the clients.
 */
public class PetersonCounter extends TsoCounter {

    protected PetersonCounter(LowerLayer<TsoState> tso) {
        super(tso);
    }

    public static TsoCounter peterson(LowerLayer<TsoState> tso) {
        return new PetersonCounter(tso);
    }

    protected static int flag(int pid) {
        return pid == 1 ? TsoState.FLAG1 : TsoState.FLAG2;
    }

    /** Raises my flag and gives the turn to the other core (stores, buffered). */
    protected final void announce(int me) {
        tso.call(new Write(me, flag(me), 1));
        tso.call(new Write(me, TsoState.TURN, 3 - me));
    }

    /** Waits while the other core wants in and has the turn. */
    protected final void await(int me) {
        int other = 3 - me;
        while (tso.call(new Read(me, flag(other))) == 1 && tso.call(new Read(me, TsoState.TURN)) == other) {
            // spin: the checker lets this core wait until memory changes
        }
    }

    @Override
    protected void acquire(int me) {
        announce(me);
        tso.call(new Barrier(me));
        await(me);
    }

    @Override
    protected void release(int me) {
        tso.call(new Write(me, flag(me), 0));
        tso.call(new Barrier(me));
    }

    @Override
    public int get() {
        // Alone, after the clients (whose releases fenced): a plain load sees the last count.
        return tso.call(new Read(tso.pid(), TsoState.COUNT));
    }
}
