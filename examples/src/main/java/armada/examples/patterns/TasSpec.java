package armada.examples.patterns;

import armada.examples.tso.LockSpec;
import armada.spec.Op;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.spec.Unit;
import java.util.Set;

/**
 * A test-and-set lock word and the count, sequentially consistent (CSPEC's SeqMem layer):
 * TryAcquire takes a free lock and returns true, or returns false; Clear frees it; Load and Store
 * touch the count. With {@code countsMisses} a failed TryAcquire also counts the miss in the
 * state (a contention statistic), so a failed attempt changes the layer: not a retry loop.
 */
public final class TasSpec implements Spec<TasSpec.State> {

    /** The operations, each naming its caller. */
    public sealed interface TasOp<R> extends Op<R> {
    }

    public record TryAcquire(int pid) implements TasOp<Boolean> {
    }

    public record Clear(int pid) implements TasOp<Unit> {
    }

    public record Load(int pid) implements TasOp<Integer> {
    }

    public record Store(int pid, int value) implements TasOp<Unit> {
    }

    /** The lock's owner ({@link LockSpec#FREE}: nobody), the count, and the misses counted (0 unless counted). */
    public record State(int owner, int count, int misses) {
    }

    private final boolean countsMisses;

    public TasSpec(boolean countsMisses) {
        this.countsMisses = countsMisses;
    }

    @Override
    public String name() {
        return countsMisses ? "tas-counting" : "tas";
    }

    @Override
    public State initial() {
        return new State(LockSpec.FREE, 0, 0);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Outcomes<R, State> step(State s, Op<R> op) {
        return (Outcomes<R, State>) switch ((TasOp<?>) op) {
            case TryAcquire(int p) -> s.owner() == LockSpec.FREE ? Outcomes.one(true, new State(p, s.count(), s.misses()))
                    : Outcomes.one(false, countsMisses ? new State(s.owner(), s.count(), s.misses() + 1) : s);
            case Clear(int p) -> Outcomes.one(Unit.UNIT, new State(LockSpec.FREE, s.count(), s.misses()));
            case Load(int p) -> Outcomes.one(s.count(), s);
            case Store(int p, int v) -> Outcomes.one(Unit.UNIT, new State(s.owner(), v, s.misses()));
        };
    }

    @Override
    public Set<State> crash(State s) {
        return Set.of(initial());
    }
}
