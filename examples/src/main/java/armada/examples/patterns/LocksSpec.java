package armada.examples.patterns;

import armada.examples.tso.LockOp;
import armada.examples.tso.LockSpec;
import armada.spec.Op;
import armada.spec.Outcome;
import armada.spec.Outcomes;
import armada.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Two Lock layers side by side, named 0 and 1: {@code OnLock(k, op)} runs the Lock layer's
 * {@code op} on lock {@code k} and its count. With {@code sharedCount} the two locks guard one
 * count word (a write under either lock writes it), which breaks the partition by lock.
 */
public final class LocksSpec implements Spec<LocksSpec.State> {

    /** An operation of the Lock layer on lock {@code lock}. */
    public record OnLock<R>(int lock, LockOp<R> op) implements Op<R> {
    }

    /** Each lock's owner and count. */
    public record State(List<LockSpec.State> locks) {
        public State {
            locks = List.copyOf(locks);
        }
    }

    private static final LockSpec LOCK = new LockSpec();

    private final boolean sharedCount;

    public LocksSpec(boolean sharedCount) {
        this.sharedCount = sharedCount;
    }

    @Override
    public String name() {
        return sharedCount ? "locks-shared-count" : "locks";
    }

    @Override
    public State initial() {
        return new State(List.of(LOCK.initial(), LOCK.initial()));
    }

    @Override
    public <R> Outcomes<R, State> step(State s, Op<R> op) {
        OnLock<R> on = (OnLock<R>) op;
        Outcomes<R, LockSpec.State> inner = LOCK.step(s.locks().get(on.lock()), on.op());
        if (inner.isUndefined()) {
            return Outcomes.undefined();
        }
        List<Outcome<R, State>> out = new ArrayList<>();
        for (Outcome<R, LockSpec.State> o : inner.list()) {
            List<LockSpec.State> locks = new ArrayList<>(s.locks());
            locks.set(on.lock(), o.next());
            if (sharedCount && on.op() instanceof LockOp.Write(int p, int v)) {
                locks.replaceAll(l -> new LockSpec.State(l.owner(), v));
            }
            out.add(new Outcome<>(o.result(), new State(locks)));
        }
        return Outcomes.of(out);
    }

    @Override
    public Set<State> crash(State s) {
        return Set.of(initial());
    }
}
