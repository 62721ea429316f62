package armada.explore;

import armada.layers.Mover;
import armada.layers.MoverCheck;
import armada.layers.MoverClaim;
import armada.layers.PidOp;
import armada.spec.Op;
import armada.spec.Outcome;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.spec.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A test layer with movers of every kind: a lock guarding two words (Read and Write by a process
 * that does not hold it are undefined), a Flip with two outcomes, and a counter outside the lock
 * (Bump adds one up to 2; Take waits until it is positive and takes one). Acquire is a right
 * mover, Release a left mover, Read and Write both movers where their caller holds the lock, Flip
 * a both mover; Bump and Take are non movers. A crash frees the lock, keeps word a and the
 * counter, and may lose word b.
 */
record LockPairSpec() implements Spec<LockPairSpec.State> {

    static final int FREE = -1;

    record State(int owner, int a, int b, int count) {
    }

    sealed interface LpOp<R> extends Op<R> {
        int pid();
    }

    record Acquire(int pid) implements LpOp<Unit> {
    }

    record Release(int pid) implements LpOp<Unit> {
    }

    record Read(int pid, int word) implements LpOp<Integer> {
    }

    record Write(int pid, int word, int value) implements LpOp<Unit> {
    }

    record Flip(int pid) implements LpOp<Integer> {
    }

    record Bump(int pid) implements LpOp<Integer> {
    }

    record Take(int pid) implements LpOp<Integer> {
    }

    @Override
    public String name() {
        return "lock-pair";
    }

    @Override
    public State initial() {
        return new State(FREE, 0, 0, 0);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Outcomes<R, State> step(State s, Op<R> op) {
        LpOp<?> o = (LpOp<?>) op;
        boolean mine = s.owner() == o.pid();
        return (Outcomes<R, State>) switch (o) {
            case Acquire(int p) -> s.owner() != FREE ? Outcomes.of(List.of())
                    : Outcomes.one(Unit.UNIT, new State(p, s.a(), s.b(), s.count()));
            case Release(int p) -> !mine ? Outcomes.undefined() : Outcomes.one(Unit.UNIT, new State(FREE, s.a(), s.b(), s.count()));
            case Read(int p, int w) -> !mine ? Outcomes.undefined() : Outcomes.one(w == 0 ? s.a() : s.b(), s);
            case Write(int p, int w, int v) -> !mine ? Outcomes.undefined()
                    : Outcomes.one(Unit.UNIT, new State(s.owner(), w == 0 ? v : s.a(), w == 0 ? s.b() : v, s.count()));
            case Flip(int p) -> Outcomes.of(List.of(new Outcome<>(0, s), new Outcome<>(1, s)));
            case Bump(int p) -> Outcomes.one(s.count(), new State(s.owner(), s.a(), s.b(), Math.min(2, s.count() + 1)));
            case Take(int p) -> s.count() == 0 ? Outcomes.of(List.of())
                    : Outcomes.one(s.count(), new State(s.owner(), s.a(), s.b(), s.count() - 1));
        };
    }

    @Override
    public Set<State> crash(State s) {
        return Set.copyOf(List.of(new State(FREE, s.a(), s.b(), s.count()), new State(FREE, s.a(), 0, s.count())));
    }

    /** Processes 0 to 2 (the main thread and two clients), every operation, values 1 and 2. */
    static List<PidOp> domain() {
        List<PidOp> d = new ArrayList<>();
        for (int p = 0; p <= 2; p++) {
            d.add(new PidOp(p, new Acquire(p)));
            d.add(new PidOp(p, new Release(p)));
            d.add(new PidOp(p, new Flip(p)));
            d.add(new PidOp(p, new Bump(p)));
            d.add(new PidOp(p, new Take(p)));
            for (int w = 0; w <= 1; w++) {
                d.add(new PidOp(p, new Read(p, w)));
                for (int v = 1; v <= 2; v++) {
                    d.add(new PidOp(p, new Write(p, w, v)));
                }
            }
        }
        return d;
    }

    /** The claims, all true. */
    static MoverCheck<State> claims(LockPairSpec spec) {
        return MoverCheck.of(spec, domain())
                .claim(MoverClaim.of(Acquire.class, Mover.RIGHT))
                .claim(MoverClaim.of(Release.class, Mover.LEFT))
                .claim(MoverClaim.of(Flip.class, Mover.BOTH))
                .claim(MoverClaim.<State>of(Read.class, Mover.BOTH)
                        .when("its caller holds the lock", (s, c) -> s.owner() == c.pid()))
                .claim(MoverClaim.<State>of(Write.class, Mover.BOTH)
                        .when("its caller holds the lock", (s, c) -> s.owner() == c.pid()));
    }
}
