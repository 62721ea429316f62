package armada.layers;

import armada.sim.LayerMovers;
import armada.spec.Op;
import armada.spec.Outcome;
import armada.spec.Outcomes;
import armada.spec.Spec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Mover claims that held over every reachable state of their layer, as the search's reduction
 * from checked movers uses them. A claim is used only
 *
 * <ul>
 *   <li>for the calls of the check's domain, in the states the check reached (anywhere else a
 *       call is a non mover; a call outside the domain is reported, since the claims were not
 *       checked against it either: see {@link #unchecked()});
 *   <li>if its condition is <b>stable</b>: where it covers a call, it still covers it after any
 *       other process's call (moving a call past several others passes through those states);
 *   <li>if it <b>keeps undefined behaviour</b>: a right mover A, if A (defined) then another
 *       process's B can reach undefined behaviour, B then A can too; a left mover A, if B then A
 *       can, A then B can too. (The commutation diagrams ignore orders that reach undefined behaviour;
 *       without this the reduced search could miss a {@code layer-undefined} failure.)
 * </ul>
 *
 * A claim that fails either is true but not used, and {@link #unused()} says why.
 *
 * @param <S> the layer's state
 */
public final class CheckedMovers<S> implements LayerMovers {

    private final Spec<S> spec;
    private final Set<PidOp> domain;
    private final List<PidOp> calls;
    private final Set<S> states;
    private final List<MoverClaim<S>> usable = new ArrayList<>();
    private final List<String> unused = new ArrayList<>();
    private volatile boolean glued;
    private final AtomicReference<@Nullable String> unchecked = new AtomicReference<>();

    CheckedMovers(Spec<S> spec, List<PidOp> domain, List<MoverClaim<S>> claims, List<S> states) {
        this.spec = spec;
        this.calls = List.copyOf(domain);
        this.domain = new HashSet<>(domain);
        this.states = new HashSet<>(states);
        for (MoverClaim<S> c : claims) {
            String why = c.mover() == Mover.NON ? null : whyUnusable(c, states);
            if (why == null) {
                usable.add(c);
            } else {
                unused.add("mover claim '" + c.name() + "' is not used by the reduction: " + why);
            }
        }
    }

    /** Why true claims are not used by the reduction, one line each (empty: all are used). */
    public List<String> unused() {
        return List.copyOf(unused);
    }

    /** Whether some claim is usable: then the search may glue calls. */
    public boolean anyUsable() {
        return !usable.isEmpty();
    }

    /** Whether some execution glued a call to its thread's previous one. */
    public boolean used() {
        return glued;
    }

    /** The first call outside the domain the search made, with its state, or null. */
    public @Nullable String unchecked() {
        return unchecked.get();
    }

    @Override
    public Spec<?> layer() {
        return spec;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Kind classify(Object state, int pid, Op<?> op) {
        PidOp call = new PidOp(pid, op);
        if (!domain.contains(call)) {
            return Kind.UNCHECKED;
        }
        if (!states.contains(state)) {
            return Kind.NON;
        }
        S s = (S) state;
        boolean right = false;
        boolean left = false;
        for (MoverClaim<S> c : usable) {
            if (c.covers(s, call)) {
                right |= c.mover().right();
                left |= c.mover().left();
            }
        }
        return right && left ? Kind.BOTH : right ? Kind.RIGHT : left ? Kind.LEFT : Kind.NON;
    }

    @Override
    public void glued() {
        glued = true;
    }

    @Override
    public void unchecked(int pid, Op<?> op, Object state) {
        if (unchecked.get() == null) {
            unchecked.compareAndSet(null, new PidOp(pid, op) + " in state " + state);
        }
    }

    /** Why claim {@code c} cannot be used (unstable, or it loses undefined behaviour), or null. */
    private @Nullable String whyUnusable(MoverClaim<S> c, List<S> all) {
        for (S s : all) {
            for (PidOp a : calls) {
                if (!c.covers(s, a)) {
                    continue;
                }
                for (PidOp b : calls) {
                    if (b.pid() == a.pid()) {
                        continue;
                    }
                    Outcomes<?, S> bs = spec.step(s, b.op());
                    for (Outcome<?, S> ob : bs.list()) {
                        if (!c.covers(ob.next(), a)) {
                            return "its condition does not hold for " + a + " after " + b + " from state " + s
                                    + ", where it holds before (a condition must stay true while other processes run)";
                        }
                    }
                    if (c.mover().right() && secondUndefined(s, a, b) && !undefinedAfter(s, b, a)) {
                        return "from state " + s + ", " + a + " then " + b + " can reach undefined behaviour and "
                                + b + " then " + a + " cannot";
                    }
                    if (c.mover().left() && undefinedAfter(s, b, a) && !undefinedAfter(s, a, b)) {
                        return "from state " + s + ", " + b + " then " + a + " can reach undefined behaviour and "
                                + a + " then " + b + " cannot";
                    }
                }
            }
        }
        return null;
    }

    /** Whether {@code first} is defined from {@code s} and {@code second} can be undefined after it. */
    private boolean secondUndefined(S s, PidOp first, PidOp second) {
        for (Outcome<?, S> o : spec.step(s, first.op()).list()) {
            if (spec.step(o.next(), second.op()).isUndefined()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code first} then {@code second}, from {@code s}, can reach undefined behaviour. */
    private boolean undefinedAfter(S s, PidOp first, PidOp second) {
        Outcomes<?, S> o1 = spec.step(s, first.op());
        if (o1.isUndefined()) {
            return true;
        }
        for (Outcome<?, S> o : o1.list()) {
            if (spec.step(o.next(), second.op()).isUndefined()) {
                return true;
            }
        }
        return false;
    }
}
