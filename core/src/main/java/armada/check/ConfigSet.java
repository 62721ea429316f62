package armada.check;

import armada.spec.Op;
import armada.spec.Outcome;
import armada.spec.Outcomes;
import armada.spec.Spec;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The set of configurations consistent with the history so far, and the three things that can
 * happen to it: pending operations take effect ({@link #close}), an operation returns
 * ({@link #keepReturned}), and a crash episode ends with the spec's crash step ({@link #crash}).
 *
 * <p>The sets and the work queue are reused from event to event, so a step allocates only the
 * configurations it creates.
 */
final class ConfigSet<S> {

    private final Spec<S> spec;
    private HashSet<Config<S>> current = new HashSet<>();
    private HashSet<Config<S>> next = new HashSet<>();
    private final ArrayDeque<Config<S>> work = new ArrayDeque<>();
    private final HashSet<S> crashed = new HashSet<>();
    /** The slots the set is closed under: every way their operations may take effect is in it. */
    private long closedOver;

    ConfigSet(Spec<S> spec) {
        this.spec = spec;
        current.add(Config.of(spec.initial()));
    }

    /** The set's state as a value (see {@link CheckSession#stateKey}). */
    Object stateKey() {
        return java.util.List.of(Set.copyOf(current), closedOver, unobserved);
    }

    /** An independent copy (configurations are immutable, so the set is copied, not them). */
    ConfigSet<S> copy() {
        ConfigSet<S> c = new ConfigSet<>(spec);
        c.current = new HashSet<>(current);
        c.closedOver = closedOver;
        c.unobserved = unobserved;
        return c;
    }

    /** The configurations; after {@link #close} this includes every way pending operations may have taken effect. */
    Iterable<Config<S>> configs() {
        return current;
    }

    /**
     * Adds every configuration reachable by letting the pending operations in {@code pendingMask}
     * take effect, in any order, each at most once. Adding them does not change what the set
     * means (any pending operation may already have taken effect), so this works in place. A step
     * that is undefined behaviour adds an undefined configuration, which takes no further steps.
     *
     * <p>The set stays closed under the operations it was last closed under, so only steps that
     * involve an operation invoked since then are tried: from an old configuration, the new
     * operations; from a configuration created now, every pending operation.
     */
    void close(long pendingMask, @Nullable Op<?>[] ops) {
        close(pendingMask, ops, -1, null);
    }

    /** Marks the closes that follow as for operations that will never return (cut off by a crash). */
    private boolean unobserved;

    /**
     * As {@link #close(long, Op[])} for operations that will never return: their results are not
     * kept (configurations that differ only there are one), and the spec is asked for
     * {@link Spec#stepUnobserved}.
     */
    void closeUnobserved(long pendingMask, @Nullable Op<?>[] ops) {
        unobserved = true;
        try {
            close(pendingMask, ops, -1, null);
        } finally {
            unobserved = false;
        }
    }

    /**
     * As {@link #close(long, Op[])}, when the operation in {@code returning} has just returned
     * {@code result}: its steps are asked only for outcomes with that result ({@link
     * Spec#stepReturning}), since {@link #keepReturned} drops every other one anyway.
     */
    void close(long pendingMask, @Nullable Op<?>[] ops, int returning, @Nullable Object result) {
        long fresh = pendingMask & ~closedOver;
        closedOver = pendingMask;
        if (fresh == 0) {
            return;
        }
        work.clear();
        for (Config<S> c : current) {
            expand(c, fresh & ~c.linearized, ops, returning, result);
        }
        Config<S> c;
        while ((c = work.poll()) != null) {
            if (current.add(c)) {
                expand(c, pendingMask & ~c.linearized, ops, returning, result);
            }
        }
    }

    /**
     * For explaining a failure: closes the set again under {@code slot} with every outcome, not
     * only those with the observed result, so the explanation can list what the spec allowed.
     */
    void reopen(int slot, long pendingMask, @Nullable Op<?>[] ops) {
        closedOver &= ~(1L << slot);
        close(pendingMask, ops);
    }

    /** Queues every configuration one step of an operation in {@code slots} leads to. */
    private void expand(Config<S> c, long slots, @Nullable Op<?>[] ops, int returning, @Nullable Object result) {
        if (c.undefined) {
            return;
        }
        for (long free = slots; free != 0; free &= free - 1) {
            int slot = Long.numberOfTrailingZeros(free);
            Op<?> op = Objects.requireNonNull(ops[slot]);
            Outcomes<?, S> outcomes = unobserved ? spec.stepUnobserved(c.state, op)
                    : slot == returning ? spec.stepReturning(c.state, op, result) : spec.step(c.state, op);
            if (outcomes.isUndefined()) {
                work.add(c.undefinedBy(slot));
                continue;
            }
            for (Outcome<?, S> o : outcomes.list()) {
                work.add(c.linearize(slot, unobserved ? null : o.result(), o.next()));
            }
        }
    }

    /** Whether some configuration is undefined: the history so far may have reached undefined behaviour. */
    boolean anyUndefined() {
        for (Config<S> c : current) {
            if (c.undefined) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the set accepts every continuation: an undefined configuration that no linearized
     * operation's result can still rule out.
     */
    boolean acceptsEverything() {
        for (Config<S> c : current) {
            if (c.undefined && c.linearized == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The operation in {@code slot} returned {@code result}: keeps the (closed) configurations in
     * which it took effect with that result, and forgets the slot in them.
     *
     * @return false, leaving the set unchanged for diagnosis, when no configuration remains
     */
    boolean keepReturned(int slot, @Nullable Object result) {
        next.clear();
        for (Config<S> c : current) {
            if (c.allowsReturn(slot, result)) {
                next.add(c.forget(slot));
            }
        }
        if (next.isEmpty()) {
            return false;
        }
        closedOver &= ~(1L << slot);
        swap();
        return true;
    }

    /**
     * Recovery completed: one spec crash step from every (closed) configuration. Pending operations
     * that have not taken effect by now never will, so the result has no pending operation. An
     * undefined configuration stays undefined.
     */
    void crash() {
        next.clear();
        crashed.clear();
        for (Config<S> c : current) {
            if (c.undefined) {
                next.add(Config.undefinedFrom(c.state));
                continue;
            }
            if (crashed.add(c.state)) {
                Set<S> after = spec.crash(c.state);
                if (after.isEmpty()) {
                    throw new IllegalStateException(
                            spec.name() + ": crash(" + c.state + ") allows no state; it must allow at least one");
                }
                for (S s : after) {
                    next.add(Config.of(s));
                }
            }
        }
        crashed.clear();
        closedOver = 0;
        swap();
    }

    private void swap() {
        HashSet<Config<S>> t = current;
        current = next;
        next = t;
        next.clear();
    }
}
