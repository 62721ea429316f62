package armada.check;

import armada.spec.Spec;

/**
 * Checks a history event by event, for use while an execution runs: {@link #accept} says as soon
 * as the history can no longer be explained, and {@link #result} gives the verdict for the events
 * so far. Obtained from {@link RefinementChecker#start()}; not thread-safe.
 *
 * <p>The session keeps the set of configurations (spec state, and the results of pending
 * operations that have already taken effect) consistent with the events so far. Invocations and
 * crashes do not change spec states, so the search lets pending operations take effect only
 * where it matters: just before a return, just before a recovery's crash step, and at the end.
 */
public final class CheckSession<S> {

    private final ConfigSet<S> configs;
    private final PendingOps pending = new PendingOps();
    private final CrashLog crashes = new CrashLog();
    private int events;
    private boolean vacuous;
    private int failedAt = -1;
    private String why = "";

    CheckSession(Spec<S> spec) {
        this.configs = new ConfigSet<>(spec);
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

    /** The verdict for the events accepted so far, taken as a complete history. */
    public CheckResult result() {
        if (failedAt >= 0) {
            return new CheckResult.Unexplained(failedAt, why);
        }
        if (!vacuous && !configs.close(pending.mask(), pending.ops())) {
            // A pending operation may still take effect, and here the spec has no definition for it.
            vacuous = true;
        }
        return new CheckResult.Explained(vacuous);
    }

    /** The number of events accepted so far. */
    public int events() {
        return events;
    }

    private boolean checking() {
        return failedAt < 0 && !vacuous;
    }

    private void returned(int at, Event.Return e) {
        int slot = pending.returning(at, e);
        if (checking()) {
            if (!configs.close(pending.mask(), pending.ops())) {
                vacuous = true;
            } else if (!configs.keepReturned(slot, e.result())) {
                failedAt = at;
                why = Explanation.returned(pending.invoke(slot), e.result(), slot, configs.configs(), crashes.context());
            }
        }
        pending.free(slot);
    }

    private void recovered(int at, Event.Recovered e) {
        if (pending.inEpisode() && checking()) {
            if (!configs.close(pending.mask(), pending.ops())) {
                vacuous = true;
            } else {
                configs.crash();
            }
        }
        pending.recover(at, e);
        crashes.recovered();
    }
}
