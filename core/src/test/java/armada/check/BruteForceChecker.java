package armada.check;

import armada.spec.Op;
import armada.spec.Outcome;
import armada.spec.Outcomes;
import armada.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A reference checker, slow and simple, that shares no code with {@link RefinementChecker}.
 *
 * <p>It tries every order of spec steps directly. Time is counted in half-events: {@code 2g}
 * is the gap just before event {@code g}, and {@code 2r + 1} is the moment right after the
 * recovery event {@code r}, where its crash step happens. An operation invoked at event
 * {@code i} takes effect at some time in {@code [2i + 2, hi]}: {@code hi = 2j} if it returned at
 * event {@code j} (it must take effect, with the observed result), {@code 2r} if a crash stopped
 * it and recovery completed at {@code r}, or the end of the history if it is still pending
 * (it may then also never take effect). A search walks the steps in order, each at the earliest
 * time allowed, and never leaves behind a step that must already have happened.
 *
 * <p>A prefix reaches undefined behaviour when some valid partial order ends in an undefined
 * step (the steps placed before it with the results the prefix observed); such a prefix is
 * accepted. The first prefix, of length {@code k + 1}, that is neither explained nor reaches
 * undefined behaviour puts the failure at event {@code k}. A history that is not unexplained is
 * vacuous when the whole history reaches undefined behaviour.
 */
public final class BruteForceChecker<S> {

    /** What the reference says about a history. */
    public record Verdict(boolean explained, boolean vacuous, int eventIndex) {
        public static Verdict of(CheckResult r) {
            return switch (r) {
                case CheckResult.Explained e -> new Verdict(true, e.vacuous(), -1);
                case CheckResult.Unexplained u -> new Verdict(false, false, u.eventIndex());
            };
        }
    }

    /** One spec step to place: an operation (op non-null) or a crash step (op null). */
    private record Step(Op<?> op, boolean mustHappen, boolean checkResult, Object result, int lo, int hi) {
    }

    private final Spec<S> spec;

    public BruteForceChecker(Spec<S> spec) {
        this.spec = spec;
    }

    public Verdict check(List<Event> history) {
        boolean undefined = false;
        for (int k = 0; k <= history.size(); k++) {
            Search search = new Search(steps(history.subList(0, k)));
            search.run(spec.initial(), new boolean[search.steps.size()], 0);
            if (!search.explained && !search.undefined) {
                return new Verdict(false, false, k - 1);
            }
            undefined = search.undefined;
        }
        return new Verdict(true, undefined, -1);
    }

    /** The steps a history (taken as complete) asks for. */
    private static List<Step> steps(List<Event> h) {
        int end = 2 * h.size();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            if (h.get(i) instanceof Event.Recovered) {
                steps.add(new Step(null, true, false, null, 2 * i + 1, 2 * i + 1));
            }
            if (!(h.get(i) instanceof Event.Invoke inv)) {
                continue;
            }
            Step step = new Step(inv.op(), false, false, null, 2 * i + 2, end);
            boolean stopped = false;
            for (int j = i + 1; j < h.size(); j++) {
                Event e = h.get(j);
                if (e instanceof Event.Return r && r.opId() == inv.opId() && !stopped) {
                    step = new Step(inv.op(), true, true, r.result(), 2 * i + 2, 2 * j);
                    break;
                }
                if (e instanceof Event.Crash) {
                    stopped = true;
                }
                if (e instanceof Event.Recovered && stopped) {
                    step = new Step(inv.op(), false, false, null, 2 * i + 2, 2 * j);
                    break;
                }
            }
            steps.add(step);
        }
        return steps;
    }

    private final class Search {
        final List<Step> steps;
        boolean explained;
        boolean undefined;

        Search(List<Step> steps) {
            this.steps = steps;
        }

        void run(S state, boolean[] done, int time) {
            if (allRequiredDone(done, Integer.MAX_VALUE, -1)) {
                explained = true;
            }
            for (int x = 0; x < steps.size(); x++) {
                Step step = steps.get(x);
                int at = Math.max(time, step.lo());
                if (done[x] || at > step.hi() || !allRequiredDone(done, at, x)) {
                    continue;
                }
                done[x] = true;
                if (step.op() == null) {
                    for (S after : spec.crash(state)) {
                        run(after, done, at);
                    }
                } else {
                    Outcomes<?, S> outcomes = spec.step(state, step.op());
                    if (outcomes.isUndefined()) {
                        undefined = true;
                    }
                    for (Outcome<?, S> o : outcomes.list()) {
                        if (!step.checkResult() || Objects.deepEquals(o.result(), step.result())) {
                            run(o.next(), done, at);
                        }
                    }
                }
                done[x] = false;
            }
        }

        /** Every step that must happen by a time before {@code at} (other than {@code except}) is done. */
        boolean allRequiredDone(boolean[] done, int at, int except) {
            for (int y = 0; y < steps.size(); y++) {
                Step s = steps.get(y);
                if (y != except && !done[y] && s.mustHappen() && s.hi() < at) {
                    return false;
                }
            }
            return true;
        }
    }
}
