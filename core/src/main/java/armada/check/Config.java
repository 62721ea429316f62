package armada.check;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One configuration of the refinement search: a spec state, and which of the pending operations
 * (by slot) have already taken effect in it, with the result the spec gave each of them.
 *
 * <p>A configuration may also be <em>undefined</em>: some operation took a spec step that is
 * undefined behaviour. From there on anything is allowed: the operation that caused it may return
 * anything ({@link #ANY}), operations not linearized yet may take effect with any result, and a
 * crash keeps it undefined. The operations linearized <em>before</em> the undefined step keep
 * their results, so an undefined configuration still dies when one of them returns something
 * else: undefined behaviour excuses only what comes after it.
 *
 * <p>Immutable. Equality looks only at the state (not for undefined configurations) and at the
 * results of linearized slots, so an array may carry stale entries for slots whose bit is clear
 * and can be shared between configs. Results are compared by content ({@link Values#same}).
 */
final class Config<S> {

    private static final Object[] NONE = new Object[0];

    /** The result of the operation whose step was undefined: it matches whatever it returns. */
    static final Object ANY = new Object() {
        @Override
        public String toString() {
            return "(anything: undefined behaviour)";
        }
    };

    /** The spec state; for an undefined configuration, the state its undefined step started from. */
    final S state;
    /** Bit {@code i} set: the operation in slot {@code i} has taken effect. */
    final long linearized;
    /** Some step was undefined behaviour: everything from there on is accepted. */
    final boolean undefined;
    private final @Nullable Object[] results;
    private final int hash;

    private Config(S state, long linearized, @Nullable Object[] results, boolean undefined) {
        this.state = state;
        this.linearized = linearized;
        this.results = results;
        this.undefined = undefined;
        int h = undefined ? 0x5bd1e995 : state.hashCode();
        for (long bits = linearized; bits != 0; bits &= bits - 1) {
            int slot = Long.numberOfTrailingZeros(bits);
            h = 31 * (31 * h + slot) + Values.hash(results[slot]);
        }
        this.hash = h;
    }

    /** A configuration with no pending operation linearized. */
    static <S> Config<S> of(S state) {
        return new Config<>(state, 0L, NONE, false);
    }

    /** An undefined configuration with no pending operation linearized (after a crash step). */
    static <S> Config<S> undefinedFrom(S state) {
        return new Config<>(state, 0L, NONE, true);
    }

    /** The operation in {@code slot} takes an undefined step here: anything may follow. */
    Config<S> undefinedBy(int slot) {
        @Nullable Object[] copy = Arrays.copyOf(results, Math.max(results.length, slot + 1));
        copy[slot] = ANY;
        return new Config<>(state, linearized | (1L << slot), copy, true);
    }

    /**
     * Whether the operation in {@code slot} may have returned {@code result} here: it took effect
     * with that result, or (in an undefined configuration) its result is unconstrained.
     */
    boolean allowsReturn(int slot, @Nullable Object result) {
        if (!isLinearized(slot)) {
            return undefined;
        }
        Object mine = results[slot];
        return mine == ANY || Values.same(mine, result);
    }

    boolean isLinearized(int slot) {
        return (linearized & (1L << slot)) != 0;
    }

    /** The result the operation in {@code slot} returned in this configuration; it must be linearized. */
    @Nullable Object result(int slot) {
        return results[slot];
    }

    /** The operation in {@code slot} takes effect with {@code result}, leaving the spec in {@code next}. */
    Config<S> linearize(int slot, @Nullable Object result, S next) {
        @Nullable Object[] copy = Arrays.copyOf(results, Math.max(results.length, slot + 1));
        copy[slot] = result;
        return new Config<>(next, linearized | (1L << slot), copy, false);
    }

    /** The operation in {@code slot} has returned: it no longer belongs to the configuration. */
    Config<S> forget(int slot) {
        long rest = linearized & ~(1L << slot);
        return new Config<>(state, rest, rest == 0 ? NONE : results, undefined);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Config<?> other)
                || hash != other.hash
                || linearized != other.linearized
                || undefined != other.undefined
                || (!undefined && !state.equals(other.state))) {
            return false;
        }
        for (long bits = linearized; bits != 0; bits &= bits - 1) {
            int slot = Long.numberOfTrailingZeros(bits);
            if (!Values.same(results[slot], other.results[slot])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(undefined ? "undefined behaviour (from " + state + ")" : String.valueOf(state));
        for (long bits = linearized; bits != 0; bits &= bits - 1) {
            int slot = Long.numberOfTrailingZeros(bits);
            b.append(" [slot ").append(slot).append(" -> ").append(results[slot]).append(']');
        }
        return b.toString();
    }
}
