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
 * The Lock layer with an explicit error state instead of undefined behaviour (CSPEC's LockOwner
 * layer, section 8.2): a Release, Read or Write by a process that does not hold the lock enters
 * the error state, which every operation keeps (returning 0 or nothing). The protocol
 * {@code Protocol.avoiding(spec, "the error state", State::error)} dismisses it.
 */
public final class LockOwnerSpec implements Spec<LockOwnerSpec.State> {

    /** The owner ({@link LockSpec#FREE}: nobody), the count, and whether the lock was misused. */
    public record State(int owner, int count, boolean error) {
    }

    private static final State ERROR = new State(LockSpec.FREE, 0, true);

    @Override
    public String name() {
        return "lock-owner";
    }

    @Override
    public State initial() {
        return new State(LockSpec.FREE, 0, false);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Outcomes<R, State> step(State s, Op<R> op) {
        LockOp<?> o = (LockOp<?>) op;
        if (s.error() || (!(o instanceof LockOp.Acquire) && s.owner() != o.pid())) {
            return (Outcomes<R, State>) Outcomes.one(o instanceof LockOp.Read ? (Object) 0 : Unit.UNIT, ERROR);
        }
        return (Outcomes<R, State>) switch (o) {
            case LockOp.Acquire(int p) -> s.owner() != LockSpec.FREE ? Outcomes.of(List.of())
                    : Outcomes.one(Unit.UNIT, new State(p, s.count(), false));
            case LockOp.Release(int p) -> Outcomes.one(Unit.UNIT, new State(LockSpec.FREE, s.count(), false));
            case LockOp.Read(int p) -> Outcomes.one(s.count(), s);
            case LockOp.Write(int p, int v) -> Outcomes.one(Unit.UNIT, new State(p, v, false));
        };
    }

    @Override
    public Set<State> crash(State s) {
        return Set.of(s.error() ? s : initial());
    }
}
