package armada.layers;

import armada.spec.Op;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.spec.Unit;
import java.util.List;
import java.util.Set;

/**
 * A lock and one memory word (CSPEC Fig. 12's example): Acquire is disabled while the lock is
 * held, Release by a process that does not hold it is undefined. With {@code protocol}, Read and
 * Write are disabled for a process that does not hold the lock (CSPEC's protocol pattern).
 */
record LockMemSpec(boolean protocol) implements Spec<LockMemSpec.State> {

    record State(int owner, int mem) {
    }

    sealed interface LmOp<R> extends Op<R> {
        int pid();
    }

    record Acquire(int pid) implements LmOp<Unit> {
    }

    record Release(int pid) implements LmOp<Unit> {
    }

    record Read(int pid) implements LmOp<Integer> {
    }

    record Write(int pid, int value) implements LmOp<Unit> {
    }

    @Override
    public String name() {
        return protocol ? "lock-protocol" : "lock";
    }

    @Override
    public State initial() {
        return new State(0, 0);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Outcomes<R, State> step(State s, Op<R> op) {
        LmOp<?> o = (LmOp<?>) op;
        if (protocol && (o instanceof Read || o instanceof Write) && s.owner() != o.pid()) {
            return Outcomes.of(List.of());
        }
        return (Outcomes<R, State>) switch (o) {
            case Acquire(int p) -> s.owner() != 0 ? Outcomes.of(List.of()) : Outcomes.one(Unit.UNIT, new State(p, s.mem()));
            case Release(int p) -> s.owner() != p ? Outcomes.undefined() : Outcomes.one(Unit.UNIT, new State(0, s.mem()));
            case Read(int p) -> Outcomes.one(s.mem(), s);
            case Write(int p, int v) -> Outcomes.one(Unit.UNIT, new State(s.owner(), v));
        };
    }

    @Override
    public Set<State> crash(State s) {
        return Set.of(initial());
    }

    /** Two processes, each with every operation, writing 1 or 2. */
    static List<PidOp> domain() {
        List<PidOp> d = new java.util.ArrayList<>();
        for (int p = 1; p <= 2; p++) {
            d.add(new PidOp(p, new Acquire(p)));
            d.add(new PidOp(p, new Release(p)));
            d.add(new PidOp(p, new Read(p)));
            d.add(new PidOp(p, new Write(p, p)));
        }
        return d;
    }
}
