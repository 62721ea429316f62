package armada.layers;

import armada.check.Failure;
import armada.check.Values;
import armada.spec.Op;
import armada.spec.Outcome;
import armada.spec.Outcomes;
import armada.spec.Spec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The partition pattern (CSPEC section 6.4): a layer whose state is a product of independent
 * shards, each operation naming its shard by a key (a user's mailbox, a lock's name). The check:
 * over the states reachable from the initial state by the calls of a domain (breadth first, up to
 * a state bound; on a {@link Protocol}, only the calls it allows), every two calls of different
 * processes on different keys <b>commute</b>: A then B and B then A give the same set of complete
 * ways to go (A's result, B's result, end state). A path that reaches undefined behaviour has no
 * complete way (as in the mover diagrams: it has nothing to preserve, and a moved order that
 * reaches it where the other completes does not match); so a call that one order enables, disables,
 * makes defined or undefined for the other is caught. Else the failure {@code partition-broken},
 * with both calls, the state and what each order gives.
 *
 * <p>What that licenses: a step on one shard can be moved past any other process's step on
 * another, both ways, so an interleaving of several shards' calls is equivalent to one shard's
 * calls after another's, and checks made on one shard stand for each. Check one shard: a scenario
 * whose clients use one key, and mover claims over that shard's calls ({@code
 * MoverCheck.of(spec, partition.shard(key))}: a claim needs no diagram with another shard's call,
 * since those commute). The claim for all keys also needs the spec to treat every key alike, which
 * is not checked (the report says so); give the domain calls of at least two keys.
 *
 * @param <S> the layer's state
 * @param <K> the key that names a shard
 */
public final class Partition<S, K> implements LayerCheck {

    private final Spec<S> spec;
    private final List<PidOp> domain;
    private final String keyName;
    private final Function<Op<?>, K> key;
    private int maxStates = 20_000;

    private Partition(Spec<S> spec, List<PidOp> domain, String keyName, Function<Op<?>, K> key) {
        this.spec = spec;
        this.domain = List.copyOf(domain);
        this.keyName = keyName;
        this.key = key;
    }

    /** {@code spec} partitioned by {@code key} ({@code keyName} in reports), checked with the calls {@code domain}. */
    public static <S, K> Partition<S, K> of(Spec<S> spec, List<PidOp> domain, String keyName, Function<Op<?>, K> key) {
        return new Partition<>(spec, domain, keyName, key);
    }

    /** The most states explored; more are cut, and the report says so. */
    public Partition<S, K> maxStates(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("the state bound must be positive, not " + bound);
        }
        this.maxStates = bound;
        return this;
    }

    /** The calls of the domain on shard {@code k}: the domain of a one-shard check. */
    public List<PidOp> shard(K k) {
        List<PidOp> out = new ArrayList<>();
        for (PidOp c : domain) {
            if (Objects.equals(key.apply(c.op()), k)) {
                out.add(c);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("partition " + name() + ": no call of the domain is on " + keyName + " " + k);
        }
        return out;
    }

    /** The keys the domain's calls name, in order. */
    public List<K> keys() {
        Set<K> ks = new LinkedHashSet<>();
        for (PidOp c : domain) {
            ks.add(key.apply(c.op()));
        }
        return List.copyOf(ks);
    }

    /** "layer by key", in reports. */
    public String name() {
        return spec.name() + " by " + keyName;
    }

    @Override
    public LayerReport run() {
        try {
            if (keys().size() < 2) {
                return new LayerReport.Invalid("partition " + name() + ": the domain names " + keys().size() + " "
                        + keyName + "s; give calls on at least two, or there is nothing to check");
            }
            return check();
        } catch (RuntimeException e) {
            return new LayerReport.Invalid("partition " + name() + " threw " + e + " while it was checked");
        }
    }

    private LayerReport check() {
        Steps<S> steps = new Steps<>(spec);
        Reachable<S> reach = Reachable.explore(steps, domain, maxStates, (s, c) -> true);
        long pairs = 0;
        for (S s : reach.states()) {
            for (PidOp a : domain) {
                for (PidOp b : domain) {
                    if (a.pid() == b.pid() || Objects.equals(key.apply(a.op()), key.apply(b.op()))) {
                        continue;
                    }
                    pairs++;
                    Ways ab = ways(steps, s, a, b, false);
                    Ways ba = ways(steps, s, b, a, true);
                    if (!ab.same(ba)) {
                        return new LayerReport.Broken(new Failure.PartitionBroken(name(), "calls on different " + keyName
                                + "s do not commute: from state " + s + " (" + reach.path(s) + "), " + a
                                + " then " + b + " gives " + ab + "; " + b + " then " + a + " gives " + ba + " instead"));
                    }
                }
            }
        }
        return new LayerReport.Checked("partition " + name() + ": " + pairs + " pairs of calls on different " + keyName
                + "s commute over " + reach.states().size()
                + (reach.complete() ? " reachable states" : " states (cut by the state bound)") + "; one " + keyName
                + "'s checks stand for each of " + keys() + " if the spec treats them alike (not checked)",
                reach.complete());
    }

    /** One way two calls can go: the check's first call's result (A), the other's (B), the end state. */
    private record Way(@Nullable Object ra, @Nullable Object rb, Object end) {
        boolean same(Way o) {
            return Objects.deepEquals(ra, o.ra) && Objects.deepEquals(rb, o.rb) && end.equals(o.end);
        }
    }

    /** All the ways {@code first} then {@code second} can go from a state (results kept in A, B order). */
    private record Ways(PidOp first, PidOp second, boolean swapped, List<Way> ways, boolean undefined) {
        /** The same complete ways (a path that reaches undefined behaviour has none to match). */
        boolean same(Ways o) {
            return covers(o) && o.covers(this);
        }

        private boolean covers(Ways o) {
            for (Way w : o.ways) {
                if (ways.stream().noneMatch(w::same)) {
                    return false;
                }
            }
            return true;
        }

        /** One way in the order the calls ran: "Get -> 0, Set -> (), ending in s". */
        private String show(Way w) {
            Object r1 = swapped ? w.rb() : w.ra();
            Object r2 = swapped ? w.ra() : w.rb();
            return first.op().getClass().getSimpleName() + " -> " + Values.show(r1) + ", "
                    + second.op().getClass().getSimpleName() + " -> " + Values.show(r2) + ", ending in " + w.end();
        }

        @Override
        public String toString() {
            String all = ways.isEmpty() ? "nothing (one of them is disabled)" : String.join("; or ",
                    ways.stream().limit(3).map(this::show).toList()) + (ways.size() > 3 ? "; or more" : "");
            return undefined ? "undefined behaviour" + (ways.isEmpty() ? "" : " or " + all) : all;
        }
    }

    private Ways ways(Steps<S> steps, S s, PidOp first, PidOp second, boolean swapped) {
        List<Way> out = new ArrayList<>();
        Outcomes<?, S> o1s = steps.step(s, first);
        boolean undefined = o1s.isUndefined();
        for (Outcome<?, S> o1 : o1s.list()) {
            Outcomes<?, S> o2s = steps.step(o1.next(), second);
            undefined |= o2s.isUndefined();
            for (Outcome<?, S> o2 : o2s.list()) {
                out.add(swapped ? new Way(o2.result(), o1.result(), o2.next())
                        : new Way(o1.result(), o2.result(), o2.next()));
            }
        }
        return new Ways(first, second, swapped, out, undefined);
    }
}
