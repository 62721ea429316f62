package armada.check;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One configuration of the refinement search: a spec state, and which of the pending operations
 * (by slot) have already taken effect in it, with the result the spec gave each of them.
 *
 * <p>Immutable. Equality looks only at the state and at the results of linearized slots, so an
 * array may carry stale entries for slots whose bit is clear and can be shared between configs.
 */
final class Config<S> {

    private static final Object[] NONE = new Object[0];

    final S state;
    /** Bit {@code i} set: the operation in slot {@code i} has taken effect. */
    final long linearized;
    private final @Nullable Object[] results;
    private final int hash;

    private Config(S state, long linearized, @Nullable Object[] results) {
        this.state = state;
        this.linearized = linearized;
        this.results = results;
        int h = state.hashCode();
        for (long bits = linearized; bits != 0; bits &= bits - 1) {
            int slot = Long.numberOfTrailingZeros(bits);
            h = 31 * (31 * h + slot) + Objects.hashCode(results[slot]);
        }
        this.hash = h;
    }

    /** A configuration with no pending operation linearized. */
    static <S> Config<S> of(S state) {
        return new Config<>(state, 0L, NONE);
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
        return new Config<>(next, linearized | (1L << slot), copy);
    }

    /** The operation in {@code slot} has returned: it no longer belongs to the configuration. */
    Config<S> forget(int slot) {
        long rest = linearized & ~(1L << slot);
        return new Config<>(state, rest, rest == 0 ? NONE : results);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Config<?> other)
                || hash != other.hash
                || linearized != other.linearized
                || !state.equals(other.state)) {
            return false;
        }
        for (long bits = linearized; bits != 0; bits &= bits - 1) {
            int slot = Long.numberOfTrailingZeros(bits);
            if (!Objects.equals(results[slot], other.results[slot])) {
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
        StringBuilder b = new StringBuilder().append(state);
        for (long bits = linearized; bits != 0; bits &= bits - 1) {
            int slot = Long.numberOfTrailingZeros(bits);
            b.append(" [slot ").append(slot).append(" -> ").append(results[slot]).append(']');
        }
        return b.toString();
    }
}
