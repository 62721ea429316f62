package armada.check;

import armada.spec.Op;
import armada.spec.Outcome;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.spec.Unit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Small register specs for the checker's tests; the state is the register's value. */
final class Registers {

    private Registers() {
    }

    /** The operations of the register specs. */
    sealed interface RegOp<R> extends Op<R> permits Write, Read, Toss {
    }

    /** Writes {@code v}. */
    record Write(int v) implements RegOp<Unit> {
        @Override
        public String toString() {
            return "W(" + v + ")";
        }
    }

    /** Reads the value. */
    record Read() implements RegOp<Integer> {
        @Override
        public String toString() {
            return "R()";
        }
    }

    /** Returns 1 or 2, chosen by the spec; only {@link #lossy()} defines it. */
    record Toss() implements RegOp<Integer> {
        @Override
        public String toString() {
            return "Toss()";
        }
    }

    /** Value for "never written" in {@link #unsetIsUndefined()}. */
    static final int UNSET = -1;

    /** A register that starts at 0; a crash keeps its value. */
    static Spec<Integer> register() {
        return new RegisterSpec("register", 0, false, false);
    }

    /**
     * A register that starts unset, where reading unset is undefined, with {@link Toss}, and a
     * crash that may keep the value or unset it: undefined behaviour behind a nondeterministic step.
     */
    static Spec<Integer> lossyUnset() {
        return new RegisterSpec("lossy register, read of unset is undefined", UNSET, true, true);
    }

    /**
     * A register that starts at 0, with a nondeterministic {@link Toss}, and a lossy crash that
     * keeps the value or resets it to 0 (nondeterministic specs reset to their initial value).
     */
    static Spec<Integer> lossy() {
        return new RegisterSpec("lossy register", 0, true, false);
    }

    /** A register that starts unset; reading it before any write is undefined behaviour. */
    static Spec<Integer> unsetIsUndefined() {
        return new RegisterSpec("register, read of unset is undefined", UNSET, false, true);
    }

    private record RegisterSpec(String name, int initialValue, boolean nondeterministic, boolean unsetReadIsUb)
            implements Spec<Integer> {

        @Override
        public Integer initial() {
            return initialValue;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> Outcomes<R, Integer> step(Integer state, Op<R> op) {
            Outcomes<?, Integer> out = switch ((RegOp<?>) op) {
                case Write w -> Outcomes.one(Unit.UNIT, w.v());
                case Read r -> unsetReadIsUb && state == UNSET ? Outcomes.undefined() : Outcomes.one(state, state);
                case Toss t -> {
                    if (!nondeterministic) {
                        throw new IllegalArgumentException(name + " has no Toss");
                    }
                    yield Outcomes.of(List.of(new Outcome<>(1, state), new Outcome<>(2, state)));
                }
            };
            return (Outcomes<R, Integer>) out;
        }

        @Override
        public Set<Integer> crash(Integer state) {
            Set<Integer> after = new LinkedHashSet<>();
            after.add(state);
            if (nondeterministic) {
                after.add(initialValue);
            }
            return after;
        }
    }
}
