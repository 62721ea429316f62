package armada.examples.tso;

import armada.examples.tso.LockOp.Acquire;
import armada.examples.tso.LockOp.Read;
import armada.examples.tso.LockOp.Release;
import armada.examples.tso.LockOp.Write;
import armada.spec.Op;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.spec.Unit;
import java.util.List;
import java.util.Set;

/**
 * The Lock layer (CSPEC Fig. 16): sequentially consistent memory (one word, the count) and a lock
 * owner ({@link #FREE}: nobody; cores are numbered from 0). Acquire is disabled while the lock is held; Release, Read and Write by a core
 * that does not hold the lock are undefined (the protocol: memory is touched only under the lock).
 */
public final class LockSpec implements Spec<LockSpec.State> {

    /** The owner of a free lock. */
    public static final int FREE = -1;

    /** The lock's owner ({@link #FREE}: nobody) and the count. */
    public record State(int owner, int count) {
    }

    @Override
    public String name() {
        return "lock";
    }

    @Override
    public State initial() {
        return new State(FREE, 0);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Outcomes<R, State> step(State s, Op<R> op) {
        LockOp<?> o = (LockOp<?>) op;
        if (!(o instanceof Acquire) && s.owner() != o.pid()) {
            return Outcomes.undefined();
        }
        return (Outcomes<R, State>) switch (o) {
            case Acquire(int p) -> s.owner() != FREE ? Outcomes.of(List.of()) : Outcomes.one(Unit.UNIT, new State(p, s.count()));
            case Release(int p) -> Outcomes.one(Unit.UNIT, new State(FREE, s.count()));
            case Read(int p) -> Outcomes.one(s.count(), s);
            case Write(int p, int v) -> Outcomes.one(Unit.UNIT, new State(s.owner(), v));
        };
    }

    @Override
    public Set<State> crash(State s) {
        return Set.of(initial());
    }
}
