package armada.layers;

import armada.check.Failure;
import armada.check.Values;
import armada.spec.Outcome;
import armada.spec.Outcomes;
import armada.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The abstraction pattern (CSPEC section 6.3, Fig. 13): two layers with the same operations and
 * different states, and a function from the lower layer's states to the upper layer's. Checked
 * over the lower states reachable from its initial state by the calls of a domain (breadth first,
 * up to a state bound; on a {@link Protocol}, only the calls it allows), with {@code ST = abs(st)}:
 *
 * <ul>
 *   <li>the lower initial state abstracts to the upper initial state;</li>
 *   <li>every invariant holds in every reachable lower state whose abstraction is not an error
 *       state;</li>
 *   <li>for every call, each lower outcome (result r, state st') is an upper outcome from ST with
 *       the same result ending in abs(st'), or one ending in an error state; a lower step that is
 *       undefined must be undefined in the upper layer too;</li>
 *   <li>every state the lower crash step leaves abstracts to one the upper crash step leaves from
 *       ST (or to an error state).</li>
 * </ul>
 *
 * <p>The explicit error state (CSPEC section 6.3): {@link #errorState} names the upper states that
 * correspond to every lower state; once the upper layer is in one, nothing more is checked (it
 * stays there), so an upper outcome into it matches any lower outcome, result included. Dismiss
 * it by checking the code above on {@code Protocol.avoiding(upper, ...)}, which makes a call into
 * it a {@code protocol-violation}. A call that is undefined in the upper layer from ST (or that an
 * upper {@link Protocol} forbids) is not checked nor followed: code that makes it fails its check
 * on the upper layer. A failure is {@code abstraction-broken} with the step, both layers' states
 * before and after, and the calls that reach the lower state.
 *
 * @param <L> the lower layer's state
 * @param <H> the upper layer's state
 */
public final class Abstraction<L, H> implements LayerCheck {

    private record Invariant<L>(String name, Predicate<? super L> holds) {
    }

    private final Spec<L> lower;
    private final Spec<H> upper;
    private final List<PidOp> domain;
    private final Function<? super L, ? extends H> abs;
    private final List<Invariant<L>> invariants = new ArrayList<>();
    private Predicate<? super H> error = h -> false;
    private int maxStates = 20_000;

    private Abstraction(Spec<L> lower, Spec<H> upper, List<PidOp> domain, Function<? super L, ? extends H> abs) {
        this.lower = lower;
        this.upper = upper;
        this.domain = List.copyOf(domain);
        this.abs = abs;
    }

    /** The abstraction {@code abs} from {@code lower}'s states to {@code upper}'s, checked with the calls {@code domain}. */
    public static <L, H> Abstraction<L, H> of(Spec<L> lower, Spec<H> upper, List<PidOp> domain,
            Function<? super L, ? extends H> abs) {
        return new Abstraction<>(lower, upper, domain, abs);
    }

    /** An invariant of the lower layer's reachable states, {@code name} saying what it claims. */
    public Abstraction<L, H> invariant(String name, Predicate<? super L> holds) {
        invariants.add(new Invariant<>(name, holds));
        return this;
    }

    /** The upper layer's explicit error states (see the class comment). */
    public Abstraction<L, H> errorState(Predicate<? super H> isError) {
        this.error = isError;
        return this;
    }

    /** The most lower states explored; more are cut, and the report says so. */
    public Abstraction<L, H> maxStates(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("the state bound must be positive, not " + bound);
        }
        this.maxStates = bound;
        return this;
    }

    /** "lower -> upper", in reports. */
    public String name() {
        return lower.name() + " -> " + upper.name();
    }

    @Override
    public LayerReport run() {
        if (domain.isEmpty()) {
            return new LayerReport.Invalid("the abstraction " + name() + " has no calls in its domain");
        }
        try {
            return check();
        } catch (RuntimeException e) {
            return new LayerReport.Invalid("the abstraction " + name() + " threw " + e + " while it was checked");
        }
    }

    private LayerReport check() {
        Steps<L> lo = new Steps<>(lower);
        Steps<H> hi = new Steps<>(upper);
        L init = lower.initial();
        if (!Objects.equals(abs.apply(init), upper.initial())) {
            return broken("the lower initial state " + init + " abstracts to " + abs.apply(init)
                    + ", not to the upper initial state " + upper.initial());
        }
        Reachable<L> reach = Reachable.explore(lo, domain, maxStates, (st, c) -> follows(hi, abs.apply(st), c));
        long steps = 0;
        for (L st : reach.states()) {
            H top = abs.apply(st);
            if (error.test(top)) {
                continue;
            }
            for (Invariant<L> inv : invariants) {
                if (!inv.holds().test(st)) {
                    return broken("invariant '" + inv.name() + "' does not hold in lower state " + st
                            + " (abstracts to " + top + "; " + reach.path(st) + ")");
                }
            }
            for (PidOp c : domain) {
                if (!follows(hi, top, c)) {
                    continue;
                }
                Outcomes<?, L> los = lo.step(st, c);
                Outcomes<?, H> his = hi.step(top, c);
                steps++;
                if (los.isUndefined()) {
                    return broken("step " + c + " from lower state " + st + " (abstracts to " + top + "; "
                            + reach.path(st) + "): undefined in the lower layer, but the upper layer gives " + ways(his));
                }
                for (Outcome<?, L> o : los.list()) {
                    if (!matched(his, o.result(), abs.apply(o.next()))) {
                        return broken("step " + c + " from lower state " + st + " (abstracts to " + top + "; "
                                + reach.path(st) + "): the lower layer gives " + Values.show(o.result()) + " ending in "
                                + o.next() + " (abstracts to " + abs.apply(o.next()) + "); the upper layer from " + top
                                + " gives " + ways(his));
                    }
                }
            }
            for (L after : lower.crash(st)) {
                H a = abs.apply(after);
                if (!error.test(a) && !upper.crash(top).contains(a)) {
                    return broken("a crash in lower state " + st + " (abstracts to " + top + "; "
                            + reach.path(st) + ") may leave " + after + " (abstracts to " + a
                            + "); the upper crash step from " + top + " leaves " + upper.crash(top));
                }
            }
        }
        return new LayerReport.Checked("abstraction " + name() + " checked over " + reach.states().size()
                + (reach.complete() ? " reachable lower states" : " lower states (cut by the state bound)") + ", "
                + steps + " steps" + (invariants.isEmpty() ? "" : ", " + invariants.size() + (invariants.size() == 1 ? " invariant" : " invariants")),
                reach.complete());
    }

    /** Whether call {@code c} is checked and followed where the upper layer is in {@code top}. */
    private boolean follows(Steps<H> hi, H top, PidOp c) {
        return !error.test(top) && hi.allowed(top, c) && !upper.step(top, c.op()).isUndefined();
    }

    private boolean matched(Outcomes<?, H> his, @Nullable Object result, H next) {
        for (Outcome<?, H> o : his.list()) {
            if (error.test(o.next()) || (Objects.deepEquals(o.result(), result) && o.next().equals(next))) {
                return true;
            }
        }
        return false;
    }

    private static <H> String ways(Outcomes<?, H> his) {
        if (his.isUndefined()) {
            return "undefined behaviour";
        }
        if (his.list().isEmpty()) {
            return "nothing (the call is disabled there)";
        }
        List<String> out = new ArrayList<>();
        for (Outcome<?, H> o : his.list()) {
            out.add(Values.show(o.result()) + " ending in " + o.next());
        }
        return String.join(" or ", out);
    }

    private LayerReport broken(String detail) {
        return new LayerReport.Broken(new Failure.AbstractionBroken(name(), detail));
    }
}
