package armada.layers;

import armada.spec.Op;
import armada.spec.Outcome;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.spec.Unit;
import java.util.List;
import java.util.Set;

/**
 * A one-value box, a small lower layer for tests: Put(v) stores, Get reads, Flip returns 0 or 1
 * (nondeterminism), Take is disabled while the box holds 0 and empties it, Bad is undefined. Its
 * crash step keeps the value, or, if {@code losing}, may also lose it; with {@code zeroFlips}
 * Flip always returns 0.
 */
public record BoxSpec(String name, boolean losing, boolean zeroFlips) implements Spec<Integer> {

    public BoxSpec(String name, boolean losing) {
        this(name, losing, false);
    }

    public sealed interface BoxOp<R> extends Op<R> {
    }

    public record Put(int value) implements BoxOp<Unit> {
    }

    public record Get() implements BoxOp<Integer> {
    }

    public record Flip() implements BoxOp<Integer> {
    }

    public record Take() implements BoxOp<Integer> {
    }

    public record Bad() implements BoxOp<Unit> {
    }

    @Override
    public Integer initial() {
        return 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Outcomes<R, Integer> step(Integer s, Op<R> op) {
        return (Outcomes<R, Integer>) switch ((BoxOp<?>) op) {
            case Put(int v) -> Outcomes.one(Unit.UNIT, v);
            case Get() -> Outcomes.one(s, s);
            case Flip() -> zeroFlips ? Outcomes.one(0, s) : Outcomes.of(List.of(new Outcome<>(0, s), new Outcome<>(1, s)));
            case Take() -> s == 0 ? Outcomes.of(List.of()) : Outcomes.one(s, 0);
            case Bad() -> Outcomes.undefined();
        };
    }

    @Override
    public Set<Integer> crash(Integer s) {
        return losing && s != 0 ? Set.of(s, 0) : Set.of(s);
    }
}
