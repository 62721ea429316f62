package armada.examples.patterns;

import armada.examples.tso.LockOp;
import armada.examples.tso.LockSpec;
import armada.spec.Op;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.spec.Unit;
import java.util.List;
import java.util.Set;

/**
 * A lock whose owner's writes wait in a one-word buffer until its Release flushes them (a store
 * buffer, as in CSPEC's LockInvariant layer): the owner reads its buffered write, anyone else
 * reads memory; a write by anyone else goes to memory directly. Release (by anyone) flushes the
 * buffer and frees the lock.
 */
public final class BufferedLockSpec implements Spec<BufferedLockSpec.State> {

    /** No buffered write. */
    public static final int EMPTY = -1;

    /** The lock's owner ({@link LockSpec#FREE}: nobody), memory, and the owner's buffered write ({@link #EMPTY}: none). */
    public record State(int owner, int mem, int buffered) {
    }

    @Override
    public String name() {
        return "buffered-lock";
    }

    @Override
    public State initial() {
        return new State(LockSpec.FREE, 0, EMPTY);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Outcomes<R, State> step(State s, Op<R> op) {
        return (Outcomes<R, State>) switch ((LockOp<?>) op) {
            case LockOp.Acquire(int p) -> s.owner() != LockSpec.FREE ? Outcomes.of(List.of())
                    : Outcomes.one(Unit.UNIT, new State(p, s.mem(), s.buffered()));
            case LockOp.Release(int p) -> Outcomes.one(Unit.UNIT,
                    new State(LockSpec.FREE, s.buffered() == EMPTY ? s.mem() : s.buffered(), EMPTY));
            case LockOp.Read(int p) -> Outcomes.one(p == s.owner() && s.buffered() != EMPTY ? s.buffered() : s.mem(), s);
            case LockOp.Write(int p, int v) -> Outcomes.one(Unit.UNIT,
                    p == s.owner() ? new State(s.owner(), s.mem(), v) : new State(s.owner(), v, s.buffered()));
        };
    }

    @Override
    public Set<State> crash(State s) {
        return Set.of(initial());
    }
}
