package armada.layers;

import armada.check.Failure;
import armada.sim.LayerRule;
import armada.spec.Op;
import armada.spec.Outcome;
import armada.spec.Outcomes;
import armada.spec.Spec;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The protocol pattern (CSPEC section 6.2): a restricted semantics of a layer, in which a call
 * is allowed only when a rule holds on (state, caller's pid, operation), for example "a file
 * linked into a mailbox carries the caller's pid" or "only the lock's owner reads and writes".
 *
 * <p>A protocol is the layer's spec (same name, states, steps and crash) with the rule beside
 * it. Open it as the World ({@code Layers.open(world, protocol)}: the protocol object, not its
 * {@link #spec()}, which would be another device with no rule) and the checker shows that every
 * thread of the implementation follows it: each call that takes a step (is enabled, or is
 * undefined) is checked in the state it runs in, and a call the rule does not allow is the
 * failure {@code protocol-violation} with the call and the state. A disabled call is checked when
 * it runs.
 *
 * <p>Checks may then assume it: a {@link MoverCheck}, {@link Abstraction} or {@link Partition} of
 * a protocol explores only the calls the rule allows (the others are disabled), and a left mover
 * need be enabled only where its call is allowed.
 *
 * @param <S> the layer's state
 */
public final class Protocol<S> implements Spec<S>, LayerRule<S> {

    /** Whether process {@code pid} may call {@code op} in {@code state}. */
    @FunctionalInterface
    public interface Rule<S> {
        boolean allows(S state, int pid, Op<?> op);
    }

    private final Spec<S> spec;
    private final String rule;
    private final Rule<S> allows;

    private Protocol(Spec<S> spec, String rule, Rule<S> allows) {
        this.spec = spec;
        this.rule = rule;
        this.allows = allows;
    }

    /** The protocol {@code rule} (what it says, for reports) over {@code spec}'s calls. */
    public static <S> Protocol<S> of(Spec<S> spec, String rule, Rule<S> allows) {
        if (spec instanceof Protocol<S>) {
            throw new IllegalArgumentException("protocol '" + rule + "': layer " + spec.name()
                    + " already has a protocol; state both in one rule");
        }
        return new Protocol<>(spec, rule, allows);
    }

    /**
     * The protocol that dismisses an explicit error state (CSPEC section 6.3): a call is allowed
     * unless it runs in an error state or one of its outcomes ends in one ({@code error}, named
     * {@code errorName} in reports). An undefined call is allowed here (the checker reports it as
     * {@code layer-undefined}).
     */
    public static <S> Protocol<S> avoiding(Spec<S> spec, String errorName, Predicate<? super S> error) {
        return of(spec, "no call leads to " + errorName, (s, pid, op) -> {
            if (error.test(s)) {
                return false;
            }
            for (Outcome<?, S> o : spec.step(s, op).list()) {
                if (error.test(o.next())) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The layer's unrestricted spec. */
    public Spec<S> spec() {
        return spec;
    }

    /** What the rule says. */
    public String rule() {
        return rule;
    }

    /** Whether process {@code pid} may call {@code op} in {@code state}. */
    public boolean allows(S state, int pid, Op<?> op) {
        return allows.allows(state, pid, op);
    }

    @Override
    public @Nullable Failure broken(S state, int pid, String caller, Op<?> op) {
        return allows(state, pid, op) ? null
                : new Failure.ProtocolViolation(spec.name(), rule, caller + " (pid " + pid + ") " + op,
                        String.valueOf(state));
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public S initial() {
        return spec.initial();
    }

    @Override
    public <R> Outcomes<R, S> step(S state, Op<R> op) {
        return spec.step(state, op);
    }

    @Override
    public <R> Outcomes<R, S> stepReturning(S state, Op<R> op, @Nullable Object result) {
        return spec.stepReturning(state, op, result);
    }

    @Override
    public <R> Outcomes<R, S> stepUnobserved(S state, Op<R> op) {
        return spec.stepUnobserved(state, op);
    }

    @Override
    public Set<S> crash(S state) {
        return spec.crash(state);
    }

    @Override
    public String toString() {
        return "protocol '" + rule + "' of layer " + spec.name();
    }
}
