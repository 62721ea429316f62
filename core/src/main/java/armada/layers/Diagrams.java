package armada.layers;

import armada.spec.Outcome;
import armada.spec.Outcomes;
import armada.check.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The commutation diagrams of one layer. For a right mover A and another process's call B, from
 * every state: each way A then B can go (results rA, rB, end state s2) must also be a way B then
 * A can go. For a left mover, each way B then A can go must be a way A then B can go, and A must
 * be enabled wherever it is claimed. An order that reaches undefined behaviour first has nothing
 * to preserve; a moved order that reaches it where the original did not does not match. On a
 * {@link Protocol}, a call the protocol does not allow is disabled, and a left mover need be
 * enabled only where its call is allowed (a call the protocol forbids never runs: the checker
 * checks the implementation follows the protocol).
 */
final class Diagrams<S> {

    private final Steps<S> steps;
    private final List<PidOp> domain;
    private long count;

    Diagrams(Steps<S> steps, List<PidOp> domain) {
        this.steps = steps;
        this.domain = domain;
    }

    long count() {
        return count;
    }

    MoverReport.@Nullable Refuted check(MoverClaim<S> claim, List<S> states) {
        if (claim.mover() == Mover.NON) {
            return null;
        }
        for (S s0 : states) {
            for (PidOp a : domain) {
                if (!claim.ops().test(a)) {
                    continue;
                }
                if (claim.mover().left() && claim.when().test(s0, a) && steps.allowed(s0, a)
                        && !enabled(s0, a)) {
                    return new MoverReport.Refuted(claim.name(), MoverReport.Why.LEFT_DISABLED, a, null,
                            String.valueOf(s0), "", "");
                }
                for (PidOp b : domain) {
                    if (b.pid() == a.pid()) {
                        continue;
                    }
                    MoverReport.Refuted r = claim.mover().right() && claim.when().test(s0, a) ? right(claim, s0, a, b)
                            : null;
                    if (r == null && claim.mover().left()) {
                        r = left(claim, s0, a, b);
                    }
                    if (r != null) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    private boolean enabled(S s, PidOp c) {
        Outcomes<?, S> o = steps.step(s, c);
        return o.isUndefined() || !o.list().isEmpty();
    }

    /** A then B, from s0, must be possible as B then A with the same results and end state. */
    private MoverReport.@Nullable Refuted right(MoverClaim<S> claim, S s0, PidOp a, PidOp b) {
        for (Outcome<?, S> oa : steps.step(s0, a).list()) {
            Outcomes<?, S> afterA = steps.step(oa.next(), b);
            for (Outcome<?, S> ob : afterA.list()) {
                count++;
                if (!swappable(s0, b, a, ob.result(), oa.result(), ob.next())) {
                    return new MoverReport.Refuted(claim.name(), MoverReport.Why.NOT_RIGHT, a, b, String.valueOf(s0),
                            show(a, oa.result(), b, ob.result(), ob.next()), ways(s0, b, a));
                }
            }
        }
        return null;
    }

    /** B then A (A claimed where it runs), from s0, must be possible as A then B. */
    private MoverReport.@Nullable Refuted left(MoverClaim<S> claim, S s0, PidOp a, PidOp b) {
        for (Outcome<?, S> ob : steps.step(s0, b).list()) {
            if (!claim.when().test(ob.next(), a)) {
                continue;
            }
            for (Outcome<?, S> oa : steps.step(ob.next(), a).list()) {
                count++;
                if (!swappable(s0, a, b, oa.result(), ob.result(), oa.next())) {
                    return new MoverReport.Refuted(claim.name(), MoverReport.Why.NOT_LEFT, a, b, String.valueOf(s0),
                            show(b, ob.result(), a, oa.result(), oa.next()), ways(s0, a, b));
                }
            }
        }
        return null;
    }

    /** Whether first then second, from s0, can give results r1, r2 and end in s2. */
    private boolean swappable(S s0, PidOp first, PidOp second, @Nullable Object r1, @Nullable Object r2, S s2) {
        for (Outcome<?, S> o1 : steps.step(s0, first).list()) {
            if (!Objects.deepEquals(o1.result(), r1)) {
                continue;
            }
            for (Outcome<?, S> o2 : steps.step(o1.next(), second).list()) {
                if (Objects.deepEquals(o2.result(), r2) && o2.next().equals(s2)) {
                    return true;
                }
            }
        }
        return false;
    }

    private String show(PidOp x, @Nullable Object rx, PidOp y, @Nullable Object ry, S end) {
        return x.op().getClass().getSimpleName() + " -> " + Values.show(rx) + ", " + y.op().getClass().getSimpleName()
                + " -> " + Values.show(ry) + ", ending in " + end;
    }

    /** What first then second can give from s0, in words (at most three ways). */
    private String ways(S s0, PidOp first, PidOp second) {
        Outcomes<?, S> o1s = steps.step(s0, first);
        if (o1s.isUndefined()) {
            return "undefined behaviour (" + first + " is undefined there)";
        }
        List<String> out = new ArrayList<>();
        for (Outcome<?, S> o1 : o1s.list()) {
            Outcomes<?, S> o2s = steps.step(o1.next(), second);
            if (o2s.isUndefined()) {
                out.add(first.op().getClass().getSimpleName() + " -> " + Values.show(o1.result()) + ", then "
                        + second.op().getClass().getSimpleName() + " undefined");
            }
            for (Outcome<?, S> o2 : o2s.list()) {
                out.add(show(first, o1.result(), second, o2.result(), o2.next()));
            }
        }
        if (out.isEmpty()) {
            return "nothing: " + first + " then " + second + " cannot happen";
        }
        String all = String.join("; or ", out.subList(0, Math.min(3, out.size())));
        return out.size() > 3 ? all + "; or " + (out.size() - 3) + " more" : all;
    }
}
