package armada.examples.tso;

import armada.examples.tso.TsoOp.Read;
import armada.examples.tso.TsoOp.Write;
import armada.world.LowerLayer;

/**
 * Broken: the lock is taken by a plain load that sees it free, then a plain store of 1, instead
 * of one locked test-and-set, which would drain the store buffer and see the others' stores. In
 * the trace no store ever leaves a buffer: p1 takes the lock, increments and releases, all in
 * its buffer ({@code p1[lock=1 count=1 lock=0]}); p2 then loads {@code lock -> 0} and
 * {@code count -> 0} from memory and does the same; the final get loads count 0 too. Nothing
 * made anyone wait for a buffer to drain, so two increments that returned are not seen (and,
 * with other flush orders, both cores are inside the lock at once).
 */
public final class PlainLoadStoreLock extends TsoCounter {

    private PlainLoadStoreLock(LowerLayer<TsoState> tso) {
        super(tso);
    }

    public static TsoCounter on(LowerLayer<TsoState> tso) {
        return new PlainLoadStoreLock(tso);
    }

    @Override
    protected void acquire(int me) {
        while (tso.call(new Read(me, TsoState.LOCK)) != 0) {
            // spin while held
        }
        tso.call(new Write(me, TsoState.LOCK, 1));
    }
}
