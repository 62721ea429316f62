package armada.history;

import armada.spec.Op;
import armada.spec.Outcome;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.spec.Unit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A register of small numbers for the history checker's tests, starting at 0, in variants: a
 * crash keeps the value or may also reset it to 0 ({@code resets}); {@link Toss} is a
 * nondeterministic step; {@link Poison} is undefined behaviour when the value is 2.
 */
record TestRegister(String name, boolean resets) implements Spec<Integer> {

    /** The operations. */
    sealed interface RegOp<R> extends Op<R> {
    }

    /** Sets the value. */
    record Write(int v) implements RegOp<Unit> {
        @Override
        public String toString() {
            return "W(" + v + ")";
        }
    }

    /** Returns the value. */
    record Read() implements RegOp<Integer> {
        @Override
        public String toString() {
            return "R()";
        }
    }

    /** Sets the value to {@code replacement} if it is {@code expected}; returns whether it did. */
    record Cas(int expected, int replacement) implements RegOp<Boolean> {
        @Override
        public String toString() {
            return "Cas(" + expected + "," + replacement + ")";
        }
    }

    /** Sets the value to 1 or to 2, the spec's choice, and returns it. */
    record Toss() implements RegOp<Integer> {
        @Override
        public String toString() {
            return "Toss()";
        }
    }

    /** Undefined behaviour when the value is 2; otherwise does nothing. */
    record Poison() implements RegOp<Unit> {
        @Override
        public String toString() {
            return "Poison()";
        }
    }

    static TestRegister keeping() {
        return new TestRegister("register", false);
    }

    static TestRegister lossy() {
        return new TestRegister("lossy register", true);
    }

    @Override
    public Integer initial() {
        return 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Outcomes<R, Integer> step(Integer state, Op<R> op) {
        Outcomes<?, Integer> out = switch ((RegOp<?>) op) {
            case Write w -> Outcomes.one(Unit.UNIT, w.v());
            case Read r -> Outcomes.one(state, state);
            case Cas c -> state == c.expected() ? Outcomes.one(true, c.replacement()) : Outcomes.one(false, state);
            case Toss t -> Outcomes.of(List.of(new Outcome<>(1, 1), new Outcome<>(2, 2)));
            case Poison p -> state == 2 ? Outcomes.undefined() : Outcomes.one(Unit.UNIT, state);
        };
        return (Outcomes<R, Integer>) out;
    }

    @Override
    public Set<Integer> crash(Integer state) {
        Set<Integer> after = new LinkedHashSet<>();
        after.add(state);
        if (resets) {
            after.add(0);
        }
        return after;
    }
}
