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
 * CSPEC's RawLock layer (Fig. 16): the Lock layer's operations and state, but Release, Read and
 * Write are allowed to anyone at any time (Acquire still waits while the lock is held). The
 * protocol {@link PatternScenarios#LOCK_PROTOCOL} restricts it to the Lock layer's discipline.
 */
public final class RawLockSpec implements Spec<LockSpec.State> {

    @Override
    public String name() {
        return "raw-lock";
    }

    @Override
    public LockSpec.State initial() {
        return new LockSpec.State(LockSpec.FREE, 0);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Outcomes<R, LockSpec.State> step(LockSpec.State s, Op<R> op) {
        return (Outcomes<R, LockSpec.State>) switch ((LockOp<?>) op) {
            case LockOp.Acquire(int p) -> s.owner() != LockSpec.FREE ? Outcomes.of(List.of())
                    : Outcomes.one(Unit.UNIT, new LockSpec.State(p, s.count()));
            case LockOp.Release(int p) -> Outcomes.one(Unit.UNIT, new LockSpec.State(LockSpec.FREE, s.count()));
            case LockOp.Read(int p) -> Outcomes.one(s.count(), s);
            case LockOp.Write(int p, int v) -> Outcomes.one(Unit.UNIT, new LockSpec.State(s.owner(), v));
        };
    }

    @Override
    public Set<LockSpec.State> crash(LockSpec.State s) {
        return Set.of(initial());
    }
}
