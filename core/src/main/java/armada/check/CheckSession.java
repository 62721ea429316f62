package armada.check;

import armada.spec.Spec;

/**
 * Checks a history event by event, for use while an execution runs: {@link #accept} says as soon
 * as the history can no longer be explained, and {@link #result} gives the verdict for the events
 * so far. Obtained from {@link RefinementChecker#start()}; not thread-safe.
 *
 * <p>The session keeps the set of configurations (spec state, and the results of pending
 * operations that have already taken effect) consistent with the events so far. Undefined
 * behaviour is a configuration too, filtered by observed results like any other: a history is
 * vacuous only when such a configuration survives to its end. Invocations and
 * crashes do not change spec states, so the search lets pending operations take effect only
 * where it matters: just before a return, just before a recovery's crash step, and at the end.
 */
public final class CheckSession<S> {

    private final ConfigSet<S> configs;
    private final PendingOps pending;
    private final CrashLog crashes;
    private int events;
    /** An undefined configuration with nothing left to rule it out: every continuation is accepted. */
    private boolean everything;
    private int failedAt = -1;
    private String why = "";

    CheckSession(Spec<S> spec) {
        this(new ConfigSet<>(spec), new PendingOps(), new CrashLog());
    }

    private CheckSession(ConfigSet<S> configs, PendingOps pending, CrashLog crashes) {
        this.configs = configs;
        this.pending = pending;
        this.crashes = crashes;
    }

    /**
     * An independent session in the same state: it goes on from the events accepted so far as
     * this one would, without changing this one. For checking many histories that share
     * prefixes (an exhaustive search's executions) from the point where they part.
     */
    public CheckSession<S> copy() {
        CheckSession<S> c = new CheckSession<>(configs.copy(), pending.copy(), crashes.copy());
        c.events = events;
        c.everything = everything;
        c.failedAt = failedAt;
        c.why = why;
        return c;
    }

    /**
     * Takes the next event of the history.
     *
     * @return false when the history so far can no longer be explained; once false, always false
     * @throws IllegalArgumentException when the history is malformed: a return without a pending
     *     invocation, an invocation by a thread that has one pending, an invocation during a crash
     *     episode, or a recovery without a crash
     */
    public boolean accept(Event event) {
        int at = events;
        switch (event) {
            case Event.Invoke e -> pending.invoke(at, e);
            case Event.Return e -> returned(at, e);
            case Event.Crash e -> crashes.crash(e.number(), pending.crash(), pending);
            case Event.Recovered e -> recovered(at, e);
        }
        events++;
        return failedAt < 0;
    }

    /**
     * The session's state as a value: two sessions with equal keys give the same verdicts for
     * every continuation (they differ at most in the event numbers and operation ids their
     * explanations name). For caching searched states.
     */
    public Object stateKey() {
        return java.util.List.of(configs.stateKey(), pending.stateKey(), everything, failedAt >= 0);
    }

    /** The verdict for the events accepted so far, taken as a complete history. */
    public CheckResult result() {
        if (failedAt >= 0) {
            return new CheckResult.Unexplained(failedAt, why);
        }
        if (!everything) {
            // A pending operation may still take effect, and there the spec may be undefined.
            configs.closeUnobserved(pending.mask(), pending.ops());
        }
        return new CheckResult.Explained(everything || configs.anyUndefined());
    }

    /** The number of events accepted so far. */
    public int events() {
        return events;
    }

    private boolean checking() {
        return failedAt < 0 && !everything;
    }

    private void returned(int at, Event.Return e) {
        int slot = pending.returning(at, e);
        if (checking()) {
            configs.close(pending.mask(), pending.ops(), slot, e.result());
            if (!configs.keepReturned(slot, e.result())) {
                configs.reopen(slot, pending.mask(), pending.ops());
                failedAt = at;
                why = Explanation.returned(pending.invoke(slot), e.result(), slot, configs.configs(), crashes.context());
            } else if (configs.acceptsEverything()) {
                everything = true;
            }
        }
        pending.free(slot);
    }

    private void recovered(int at, Event.Recovered e) {
        if (pending.inEpisode() && checking()) {
            configs.closeUnobserved(pending.mask(), pending.ops());
            configs.crash();
            if (configs.acceptsEverything()) {
                everything = true;
            }
        }
        pending.recover(at, e);
        crashes.recovered();
    }
}
