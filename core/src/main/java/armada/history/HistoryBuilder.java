package armada.history;

import armada.spec.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link History} event by event and enforces what a well-formed recording looks like; a
 * broken rule is a {@link MalformedHistoryException} naming the event. Not thread-safe.
 *
 * <p>The rules, after DESIGN.md section 4: a client has at most one operation outstanding; a crash
 * stops every operation that could be running (outstanding, or given up on with {@code info}),
 * and such an operation cannot return afterwards (the client may end it with {@code info} or
 * {@code fail}, or simply invoke its next one); nothing returns during a crash episode; an
 * operation invoked during an episode can take effect only after the episode's recovery.
 */
public final class HistoryBuilder {

    private static final class Draft {
        final int index;
        final int client;
        final Op<?> op;
        final int invokedAt;
        final boolean startsAfterRecovery;
        Operation.Status status = Operation.Status.PENDING;
        @Nullable Object result;
        int endedAt = -1;
        int cutOffBy;

        Draft(int index, int client, Op<?> op, int invokedAt, boolean startsAfterRecovery) {
            this.index = index;
            this.client = client;
            this.op = op;
            this.invokedAt = invokedAt;
            this.startsAfterRecovery = startsAfterRecovery;
        }

        Operation build() {
            return new Operation(index, client, op, status, result, invokedAt, endedAt, cutOffBy, startsAfterRecovery);
        }
    }

    private final List<RecordedEvent> events = new ArrayList<>();
    private final List<Draft> drafts = new ArrayList<>();
    private final List<Episode> episodes = new ArrayList<>();
    private final Map<Integer, Draft> outstanding = new HashMap<>();
    /** Operations that may be taking effect in the running system: a crash stops them. */
    private final Set<Draft> running = new LinkedHashSet<>();
    /** Operations invoked during the current crash episode: they start when it recovers. */
    private final Set<Draft> waiting = new LinkedHashSet<>();
    private @Nullable List<Integer> episodeCrashes;
    private int crashes;

    /** Adds one event. */
    public HistoryBuilder add(RecordedEvent event) {
        switch (event) {
            case RecordedEvent.Invoke e -> invoke(e.client(), e.op());
            case RecordedEvent.Ok e -> ok(e.client(), e.result());
            case RecordedEvent.Fail e -> fail(e.client());
            case RecordedEvent.Indeterminate e -> info(e.client());
            case RecordedEvent.Crash e -> crash();
            case RecordedEvent.Recovered e -> recovered();
        }
        return this;
    }

    /** The number of events added so far (the index the next one gets). */
    public int events() {
        return events.size();
    }

    public HistoryBuilder invoke(int client, Op<?> op) {
        Objects.requireNonNull(op, "op");
        int at = events.size();
        Draft before = outstanding.get(client);
        if (before != null) {
            if (before.cutOffBy == 0) {
                throw new MalformedHistoryException(at, "client " + client + " invokes " + op
                        + " while its " + before.op + " (event " + before.invokedAt + ") is still outstanding");
            }
            outstanding.remove(client); // stopped by a crash: it stays pending, the client goes on
        }
        Draft d = new Draft(drafts.size(), client, op, at, episodeCrashes != null);
        drafts.add(d);
        outstanding.put(client, d);
        (d.startsAfterRecovery ? waiting : running).add(d);
        events.add(new RecordedEvent.Invoke(client, op));
        return this;
    }

    public HistoryBuilder ok(int client, @Nullable Object result) {
        int at = events.size();
        Draft d = ending(at, client, "returns");
        if (d.cutOffBy > 0) {
            throw new MalformedHistoryException(at, "client " + client + "'s " + d.op + " returns, but crash "
                    + d.cutOffBy + " stopped it; record the client's retry as a new operation");
        }
        if (episodeCrashes != null) {
            throw new MalformedHistoryException(at, "client " + client + "'s " + d.op
                    + " returns during a crash episode, before recovery completed: nothing was running to answer it");
        }
        d.status = Operation.Status.OK;
        d.result = result;
        end(at, d);
        running.remove(d);
        events.add(new RecordedEvent.Ok(client, result));
        return this;
    }

    public HistoryBuilder fail(int client) {
        int at = events.size();
        Draft d = ending(at, client, "fails");
        d.status = Operation.Status.FAILED;
        end(at, d);
        running.remove(d);
        waiting.remove(d);
        events.add(new RecordedEvent.Fail(client));
        return this;
    }

    public HistoryBuilder info(int client) {
        int at = events.size();
        Draft d = ending(at, client, "gives up");
        d.status = Operation.Status.UNKNOWN;
        end(at, d);
        events.add(new RecordedEvent.Indeterminate(client));
        return this;
    }

    public HistoryBuilder crash() {
        int at = events.size();
        crashes++;
        if (episodeCrashes == null) {
            episodeCrashes = new ArrayList<>(2);
        }
        episodeCrashes.add(at);
        for (Draft d : running) {
            d.cutOffBy = crashes;
        }
        running.clear();
        events.add(new RecordedEvent.Crash());
        return this;
    }

    public HistoryBuilder recovered() {
        int at = events.size();
        List<Integer> episode = episodeCrashes;
        if (episode == null) {
            throw new MalformedHistoryException(at, "recovery completed without a crash before it");
        }
        episodes.add(new Episode(episode, crashes - episode.size() + 1, at));
        episodeCrashes = null;
        running.addAll(waiting);
        waiting.clear();
        events.add(new RecordedEvent.Recovered());
        return this;
    }

    /** The history so far; operations still outstanding are {@link Operation.Status#PENDING}. */
    public History build() {
        List<Episode> all = new ArrayList<>(episodes);
        if (episodeCrashes != null) {
            all.add(new Episode(episodeCrashes, crashes - episodeCrashes.size() + 1, -1));
        }
        List<Operation> ops = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            ops.add(d.build());
        }
        return new History(events, ops, all);
    }

    private Draft ending(int at, int client, String what) {
        Draft d = outstanding.get(client);
        if (d == null) {
            throw new MalformedHistoryException(at, "client " + client + " " + what + " with no operation outstanding");
        }
        return d;
    }

    private void end(int at, Draft d) {
        d.endedAt = at;
        outstanding.remove(d.client);
    }
}
