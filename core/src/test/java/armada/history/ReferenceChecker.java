package armada.history;

import armada.spec.Op;
import armada.spec.Outcome;
import armada.spec.Outcomes;
import armada.spec.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A reference for the history checker, slow and simple, sharing no code with it (not even
 * {@link HistoryBuilder}): it reads the events itself and tries every order of spec steps.
 *
 * <p>Time is counted in quarters of events: event {@code e} is at {@code 4e}. An operation invoked
 * at event {@code i} may take effect from {@code 4i + 1}, or, if invoked during a crash episode,
 * from {@code 4r + 3}, just after the crash step at {@code 4r + 2} of the recovery event
 * {@code r} that ends the episode (never, if none does). It must take effect by {@code 4j - 1} if
 * it returned at event {@code j}; it may, by {@code 4r + 1}, if a crash stopped it while it could
 * run (outstanding, or given up on) and recovery {@code r} ended that crash's episode; and it may
 * at any later time otherwise. A failed operation never takes effect. The search places steps in
 * time order, each at the earliest time allowed, and never leaves behind a step that must already
 * have happened.
 */
final class ReferenceChecker<S> {

    /** The reference's answer. */
    enum Answer { LINEARIZABLE, VACUOUS, NOT_LINEARIZABLE }

    private static final int NEVER = Integer.MAX_VALUE;

    /** One spec step to place: an operation (op non-null) or a crash step (op null). */
    private record Step(@Nullable Op<?> op, boolean required, @Nullable Object result, int lo, int hi) {
    }

    private final Spec<S> spec;
    private boolean explained;
    private boolean undefined;

    ReferenceChecker(Spec<S> spec) {
        this.spec = spec;
    }

    Answer check(List<RecordedEvent> events) {
        List<Step> steps = steps(events);
        explained = false;
        undefined = false;
        search(steps, new boolean[steps.size()], spec.initial(), 0);
        return explained ? Answer.LINEARIZABLE : undefined ? Answer.VACUOUS : Answer.NOT_LINEARIZABLE;
    }

    private static final class Pending {
        final Op<?> op;
        int lo;
        int hi = NEVER;
        boolean required;
        @Nullable Object result;
        boolean failed;
        boolean runnable;
        boolean stoppedAwaitingRecovery;

        Pending(Op<?> op) {
            this.op = op;
        }
    }

    private static List<Step> steps(List<RecordedEvent> events) {
        List<Pending> all = new ArrayList<>();
        Map<Integer, Pending> byClient = new HashMap<>();
        List<Integer> recoveries = new ArrayList<>();
        boolean inEpisode = false;
        List<Pending> startAtRecovery = new ArrayList<>();
        for (int e = 0; e < events.size(); e++) {
            switch (events.get(e)) {
                case RecordedEvent.Invoke inv -> {
                    Pending p = new Pending(inv.op());
                    if (inEpisode) {
                        startAtRecovery.add(p);
                        p.lo = NEVER;
                    } else {
                        p.lo = 4 * e + 1;
                        p.runnable = true;
                    }
                    all.add(p);
                    byClient.put(inv.client(), p);
                }
                case RecordedEvent.Ok ok -> {
                    Pending p = Objects.requireNonNull(byClient.remove(ok.client()));
                    p.required = true;
                    p.result = ok.result();
                    p.hi = 4 * e - 1;
                    p.runnable = false;
                }
                case RecordedEvent.Fail f -> {
                    Pending p = Objects.requireNonNull(byClient.remove(f.client()));
                    p.failed = true;
                    p.runnable = false;
                    startAtRecovery.remove(p);
                }
                case RecordedEvent.Indeterminate i -> byClient.remove(i.client());
                case RecordedEvent.Crash c -> {
                    inEpisode = true;
                    for (Pending p : all) {
                        if (p.runnable) {
                            p.runnable = false;
                            p.stoppedAwaitingRecovery = true;
                        }
                    }
                }
                case RecordedEvent.Recovered r -> {
                    inEpisode = false;
                    recoveries.add(e);
                    for (Pending p : all) {
                        if (p.stoppedAwaitingRecovery) {
                            p.stoppedAwaitingRecovery = false;
                            p.hi = 4 * e + 1;
                        }
                    }
                    for (Pending p : startAtRecovery) {
                        p.lo = 4 * e + 3;
                        p.runnable = true;
                    }
                    startAtRecovery.clear();
                }
            }
        }
        List<Step> steps = new ArrayList<>();
        for (Pending p : all) {
            if (!p.failed && p.lo != NEVER) {
                steps.add(new Step(p.op, p.required, p.result, p.lo, p.hi));
            }
        }
        for (int r : recoveries) {
            steps.add(new Step(null, true, null, 4 * r + 2, 4 * r + 2));
        }
        return steps;
    }

    private void search(List<Step> steps, boolean[] done, S state, int time) {
        if (explained) {
            return;
        }
        if (allRequiredDoneBefore(steps, done, NEVER, -1)) {
            explained = true;
            return;
        }
        for (int x = 0; x < steps.size(); x++) {
            Step step = steps.get(x);
            int at = Math.max(time, step.lo());
            if (done[x] || at > step.hi() || !allRequiredDoneBefore(steps, done, at, x)) {
                continue;
            }
            done[x] = true;
            Op<?> op = step.op();
            if (op == null) {
                for (S after : spec.crash(state)) {
                    search(steps, done, after, at);
                }
            } else {
                Outcomes<?, S> outcomes = spec.step(state, op);
                undefined |= outcomes.isUndefined();
                for (Outcome<?, S> o : outcomes.list()) {
                    if (!step.required() || Objects.deepEquals(o.result(), step.result())) {
                        search(steps, done, o.next(), at);
                    }
                }
            }
            done[x] = false;
        }
    }

    /** Every required step due before time {@code at} (other than {@code except}) is done. */
    private static boolean allRequiredDoneBefore(List<Step> steps, boolean[] done, int at, int except) {
        for (int y = 0; y < steps.size(); y++) {
            Step s = steps.get(y);
            if (y != except && !done[y] && s.required() && s.hi() < at) {
                return false;
            }
        }
        return true;
    }
}
