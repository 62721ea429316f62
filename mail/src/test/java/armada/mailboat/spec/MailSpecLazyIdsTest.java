package armada.mailboat.spec;

import static org.assertj.core.api.Assertions.assertThat;

import armada.check.BruteForceChecker;
import armada.check.CheckResult;
import armada.check.Event;
import armada.check.RefinementChecker;
import armada.mailboat.spec.MailOp.Delete;
import armada.mailboat.spec.MailOp.Deliver;
import armada.mailboat.spec.MailOp.Pickup;
import armada.mailboat.spec.MailOp.Unlock;
import armada.spec.Op;
import armada.spec.Outcome;
import armada.spec.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link MailSpec} chooses a message's id when a Pickup first observes it, not at Deliver. That
 * must accept exactly the histories the papers' spec (ids chosen at Deliver) accepts: on random
 * histories of concurrent deliveries, pickups, deletes, unlocks and crashes, some of them altered
 * so that they are wrong, the incremental checker with the lazy spec and the brute-force reference
 * checker with the eager one must give the same verdict, vacuity and failing event.
 */
class MailSpecLazyIdsTest {

    private static final String ALICE = "alice";
    /** Few ids, so that deliveries can run out of them. */
    private static final List<String> IDS = List.of("x", "y", "z");

    @Test
    void randomHistories_lazyIdsAgreeWithIdsChosenAtDeliver() {
        EagerMailSpec eager = new EagerMailSpec(ALICE, IDS);
        MailSpec lazy = new MailSpec(Set.of(ALICE), IDS);
        Map<String, Integer> coverage = new TreeMap<>();
        for (int i = 0; i < 600; i++) {
            Random random = new Random(4242L + i);
            List<Event> h = history(eager, random);
            BruteForceChecker.Verdict expected = new BruteForceChecker<>(eager).check(h);
            CheckResult actual = new RefinementChecker<>(lazy).check(h);
            assertThat(BruteForceChecker.Verdict.of(actual)).as("history %d: %s", i, h).isEqualTo(expected);
            coverage.merge(!expected.explained() ? "unexplained" : expected.vacuous() ? "vacuous" : "explained",
                    1, Integer::sum);
            coverage.merge(h.stream().anyMatch(e -> e instanceof Event.Crash) ? "with-crash" : "no-crash",
                    1, Integer::sum);
        }
        System.out.println("lazy ids against eager ids: " + coverage);
        assertThat(coverage.getOrDefault("explained", 0)).isGreaterThan(80);
        assertThat(coverage.getOrDefault("unexplained", 0)).isGreaterThan(80);
        assertThat(coverage.getOrDefault("vacuous", 0)).isGreaterThan(20);
        assertThat(coverage.getOrDefault("with-crash", 0)).isGreaterThan(80);
        assertThat(coverage.getOrDefault("no-crash", 0)).isGreaterThan(80);
    }

    /** t2 delivers "a" while t1 holds the mailbox with x in use; t1 deletes x; t3 picks up {@code seen}. */
    private static List<Event> freedIdHistory(List<Message> seen) {
        return List.of(
                new Event.Invoke(0, 0, new Deliver(ALICE, "m")), new Event.Return(0, 0, true),
                new Event.Invoke(1, 1, new Pickup(ALICE, 1)), new Event.Return(1, 1, List.of(new Message("x", "m"))),
                new Event.Invoke(2, 2, new Deliver(ALICE, "a")), new Event.Return(2, 2, true),
                new Event.Invoke(1, 3, new Delete(ALICE, 1, 0)), new Event.Return(1, 3, Unit.UNIT),
                new Event.Invoke(1, 4, new Unlock(ALICE, 1)), new Event.Return(1, 4, Unit.UNIT),
                new Event.Invoke(3, 5, new Pickup(ALICE, 3)), new Event.Return(3, 5, seen));
    }

    @Test
    void idInUseWhenTheMessageWasDelivered_neverItsNameEvenAfterItIsFreed() {
        // "a" was delivered while x was in use, so it cannot be called x, although x is free by the
        // time a Pickup first names it: the excluded set keeps the choice what it was at Deliver.
        MailSpec lazy = new MailSpec(Set.of(ALICE), IDS);
        EagerMailSpec eager = new EagerMailSpec(ALICE, IDS);
        List<Event> wrong = freedIdHistory(List.of(new Message("x", "a")));
        List<Event> right = freedIdHistory(List.of(new Message("y", "a")));
        assertThat(new RefinementChecker<>(lazy).check(wrong)).isInstanceOf(CheckResult.Unexplained.class);
        assertThat(new BruteForceChecker<>(eager).check(wrong).explained()).isFalse();
        assertThat(new RefinementChecker<>(lazy).check(right)).isEqualTo(new CheckResult.Explained(false));
    }

    @Test
    void pickupWithAKnownResult_sameOutcomesAsFilteringEveryOutcome() {
        // stepReturning is an optimisation: it must give exactly the outcomes of step that have
        // the observed result (and none for a result step cannot give).
        MailSpec spec = new MailSpec(Set.of(ALICE), IDS);
        Random r = new Random(7);
        int compared = 0;
        for (int i = 0; i < 300; i++) {
            MailState s = spec.initial();
            int session = 0;
            for (int k = 0; k < r.nextInt(8); k++) {
                Op<?> op = switch (r.nextInt(4)) {
                    case 0, 1 -> new Deliver(ALICE, r.nextBoolean() ? "a" : "b");
                    case 2 -> new Pickup(ALICE, ++session);
                    default -> r.nextBoolean() ? new Delete(ALICE, session, 0) : new Unlock(ALICE, session);
                };
                var outcomes = spec.step(s, op);
                if (!outcomes.isUndefined() && !outcomes.list().isEmpty()) {
                    s = outcomes.list().get(r.nextInt(outcomes.list().size())).next();
                }
            }
            Pickup pickup = new Pickup(ALICE, 99);
            var all = spec.step(s, pickup);
            List<Object> results = new ArrayList<>();
            all.list().forEach(o -> results.add(o.result()));
            results.add(List.of(new Message("x", "a"), new Message("y", "a")));
            results.add(List.of(new Message("z", "b")));
            for (Object result : results) {
                var filtered = new ArrayList<>();
                all.list().stream().filter(o -> o.result().equals(result)).forEach(o -> filtered.add(o));
                assertThat(new java.util.HashSet<Object>(spec.stepReturning(s, pickup, result).list()))
                        .as("state %s, result %s", s, result).isEqualTo(new java.util.HashSet<Object>(filtered));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(600);
    }

    /** The thread programs histories are made of. */
    private static List<List<Op<?>>> programs(Random r) {
        List<List<Op<?>>> out = new ArrayList<>();
        int threads = 2 + r.nextInt(3);
        for (int t = 0; t < threads; t++) {
            out.add(switch (r.nextInt(4)) {
                case 0 -> List.of(new Deliver(ALICE, "m" + t));
                case 1 -> List.of(new Deliver(ALICE, "m" + t), new Deliver(ALICE, "n" + t));
                case 2 -> List.of(new Pickup(ALICE, t), new Delete(ALICE, t, 0), new Unlock(ALICE, t));
                default -> List.of(new Pickup(ALICE, t), new Unlock(ALICE, t));
            });
        }
        return out;
    }

    /**
     * A history of the eager spec run with random interleavings and random choices (each
     * operation taking effect at a random moment between its invocation and its return), a crash
     * now and then; then, often, one result changed so that the history is likely wrong.
     */
    static List<Event> history(EagerMailSpec spec, Random r) {
        List<List<Op<?>>> programs = programs(r);
        int threads = programs.size();
        int[] next = new int[threads];
        int[] opId = new int[threads];
        Object[] result = new Object[threads];
        boolean[] pending = new boolean[threads];
        boolean[] applied = new boolean[threads];
        boolean[] dead = new boolean[threads];
        List<Event> h = new ArrayList<>();
        EagerMailSpec.State state = spec.initial();
        int ids = 0;
        boolean crashed = r.nextBoolean();
        int crashAt = 2 + r.nextInt(8);
        for (int steps = 0; steps < 60; steps++) {
            int t = r.nextInt(threads);
            if (!crashed && h.size() >= crashAt) {
                crashed = true;
                h.add(new Event.Crash(1));
                for (int u = 0; u < threads; u++) {
                    if (pending[u] && !applied[u] && r.nextBoolean()) {
                        // A cut-off operation may still take effect before recovery completes.
                        Object res = apply(spec, state, programs.get(u).get(next[u]));
                        if (res != null) {
                            state = spec.step(state, programs.get(u).get(next[u])).list().get(0).next();
                        }
                    }
                    dead[u] |= pending[u];
                    pending[u] = false;
                }
                state = spec.crash(state).iterator().next();
                h.add(new Event.Recovered());
                continue;
            }
            if (dead[t] || next[t] >= programs.get(t).size()) {
                continue;
            }
            Op<?> op = programs.get(t).get(next[t]);
            if (!pending[t]) {
                pending[t] = true;
                applied[t] = false;
                opId[t] = ids++;
                h.add(new Event.Invoke(t, opId[t], op));
            } else if (!applied[t]) {
                List<? extends Outcome<?, EagerMailSpec.State>> outcomes = spec.step(state, op).list();
                if (spec.step(state, op).isUndefined()) {
                    dead[t] = true;
                    continue;
                }
                if (outcomes.isEmpty()) {
                    continue;
                }
                Outcome<?, EagerMailSpec.State> o = outcomes.get(r.nextInt(outcomes.size()));
                state = o.next();
                result[t] = o.result();
                applied[t] = true;
            } else {
                Object res = result[t];
                if (r.nextInt(5) == 0) {
                    res = alter(res, r);
                }
                h.add(new Event.Return(t, opId[t], res));
                pending[t] = false;
                next[t]++;
            }
        }
        return h;
    }

    /** Applies {@code op} with its first outcome; null if it cannot happen now. */
    private static Object apply(EagerMailSpec spec, EagerMailSpec.State s, Op<?> op) {
        var outcomes = spec.step(s, op);
        return outcomes.isUndefined() || outcomes.list().isEmpty() ? null : outcomes.list().get(0).result();
    }

    /** A plausible wrong result: another id, a message dropped or changed, a false delivery. */
    @SuppressWarnings("unchecked")
    private static Object alter(Object res, Random r) {
        if (res instanceof Boolean b) {
            return !b;
        }
        if (res instanceof List<?> list && !list.isEmpty()) {
            List<Message> msgs = new ArrayList<>((List<Message>) list);
            int i = r.nextInt(msgs.size());
            Message m = msgs.get(i);
            switch (r.nextInt(3)) {
                case 0 -> msgs.set(i, new Message(IDS.get(r.nextInt(IDS.size())), m.contents()));
                case 1 -> msgs.remove(i);
                default -> msgs.set(i, new Message(m.id(), m.contents() + "!"));
            }
            return List.copyOf(msgs);
        }
        if (res instanceof List<?>) {
            return List.of(new Message("x", "m0"));
        }
        return res instanceof Unit ? Unit.UNIT : res;
    }
}
