package armada.examples.tso;

import armada.world.LowerLayer;

/**
 * Broken: Peterson's lock without the barrier between raising my flag and reading the other's.
 * Under TSO the flag store can wait in my store buffer while I load the other's flag from
 * memory: both cores store {@code flag=1} into their buffers, both load the other's flag as 0
 * (the trace shows {@code Read(p1, flag2) -> 0} and {@code Read(p2, flag1) -> 0} with both flags
 * still buffered), both enter, and one increment is lost: the final get says 1. Correct on a
 * sequentially consistent machine; store buffering (x86's one reordering) breaks it.
 */
public final class PetersonNoBarrier extends PetersonCounter {

    private PetersonNoBarrier(LowerLayer<TsoState> tso) {
        super(tso);
    }

    public static TsoCounter on(LowerLayer<TsoState> tso) {
        return new PetersonNoBarrier(tso);
    }

    @Override
    protected void acquire(int me) {
        announce(me);
        await(me);
    }
}
