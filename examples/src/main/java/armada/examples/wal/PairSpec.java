package armada.examples.wal;

import armada.spec.Op;
import armada.spec.Transition;
import armada.spec.TransitionSpec;

/**
 * The atomic pair: the state is the pair itself; a write replaces both values in one step, a
 * read returns both, and a crash loses nothing. A reader can never see one value of a write
 * without the other, whatever crashes happen. The write-ahead log and the shadow copy both
 * implement this spec.
 */
public final class PairSpec extends TransitionSpec<Pair> {

    @Override
    public String name() {
        return "atomic-pair";
    }

    @Override
    public Pair initial() {
        return Pair.ZERO;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <R> Transition<Pair, R> transition(Op<R> op) {
        return (Transition<Pair, R>) switch ((PairOp<?>) op) {
            case PairOp.Write(int x, int y) -> modify(s -> new Pair(x, y));
            case PairOp.Read() -> this.<Pair>gets(s -> s);
        };
    }
}
