package armada.examples.tso;

import armada.examples.tso.TsoOp.Barrier;
import armada.examples.tso.TsoOp.Read;
import armada.examples.tso.TsoOp.TestAndSet;
import armada.examples.tso.TsoOp.Write;
import armada.spec.Op;
import armada.spec.Outcome;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.spec.Unit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * x86-TSO as a layer spec (CSPEC Fig. 16, layer TSO: "SB may choose to flush on every
 * operation"). Before each operation, any core's oldest buffered store may be written to memory,
 * any number of times, in any order: each state that leaves is an outcome, so running this spec
 * as the World makes every flush order a choice of the search. A flush between two operations
 * nobody observes until the next load, test-and-set or barrier, so flushes happen right before
 * those (a store only appends to its own buffer, which commutes with any flush: CSPEC's
 * TSODelayNondet layer, shown equivalent to TSO).
 * A crash loses memory and buffers alike.
 */
public final class TsoSpec implements Spec<TsoState> {

    @Override
    public String name() {
        return "tso";
    }

    @Override
    public TsoState initial() {
        return TsoState.initial();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Outcomes<R, TsoState> step(TsoState state, Op<R> op) {
        List<Outcome<R, TsoState>> out = new ArrayList<>();
        Set<Outcome<R, TsoState>> seen = new LinkedHashSet<>();
        // A store only joins its own core's buffer: flushes before it are left to the next load,
        // test-and-set or barrier (CSPEC's TSODelayNondet layer, proved equivalent to TSO).
        List<TsoState> before = op instanceof Write ? List.of(state) : flushes(state);
        for (TsoState s : before) {
            Outcome<?, TsoState> o = switch ((TsoOp<?>) op) {
                case Read(int p, int a) -> new Outcome<>(s.load(p, a), s);
                case Write(int p, int a, int v) -> new Outcome<>(Unit.UNIT, s.buffer(p, new TsoState.Store(a, v)));
                case TestAndSet(int p, int a) -> {
                    TsoState d = s.drain(p);
                    yield new Outcome<>(d.mem().get(a), d.set(a, 1));
                }
                case Barrier(int p) -> new Outcome<>(Unit.UNIT, s.drain(p));
            };
            if (seen.add((Outcome<R, TsoState>) o)) {
                out.add((Outcome<R, TsoState>) o);
            }
        }
        return Outcomes.of(out);
    }

    /** Every state some sequence of single flushes leaves, this one first (breadth first). */
    static List<TsoState> flushes(TsoState from) {
        Set<TsoState> seen = new LinkedHashSet<>();
        ArrayDeque<TsoState> todo = new ArrayDeque<>();
        seen.add(from);
        todo.add(from);
        while (!todo.isEmpty()) {
            TsoState s = todo.removeFirst();
            for (int p = 0; p < s.buffers().size(); p++) {
                if (!s.buffers().get(p).isEmpty()) {
                    TsoState next = s.flushOne(p);
                    if (seen.add(next)) {
                        todo.add(next);
                    }
                }
            }
        }
        return List.copyOf(seen);
    }

    @Override
    public Set<TsoState> crash(TsoState state) {
        return Set.of(initial());
    }
}
