package armada.mailboat.layers;

import armada.explore.FaultModel;
import armada.explore.Scenario;
import armada.layers.Layers;
import armada.layers.MoverCheck;
import armada.mailboat.MailboatConfig;
import armada.mailboat.spec.MailOp.Deliver;
import armada.mailboat.spec.MailOp.Pickup;
import armada.mailboat.spec.MailOp.Unlock;
import armada.mailboat.spec.MailState;
import armada.spec.Op;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.spec.Unit;
import armada.world.LowerLayer;
import armada.world.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The two ways the mail operations of {@link MailOnDeliver} are checked against the mail spec:
 * layered (the Deliver layer's spec runs as the World, one layer per user) and flat (the same
 * code on {@link DeliverOnFs}, composed, on the simulated file system); and the size scenarios
 * that compare them at the same bounds.
 */
final class SizeScenarios {

    private SizeScenarios() {
    }

    /**
     * Names drawn from one value and tried in order ({@code 0.0}, {@code 0.1}, ...), 2-byte
     * chunks.
     *
     * @param attempts how many names a link tries: at least the deliveries to one user
     */
    record Bounds(int attempts) {
        MailboatConfig config() {
            return new MailboatConfig(2, 1, attempts);
        }

        /** The ids a link can take, in the order the implementation tries them. */
        List<String> ids() {
            List<String> ids = new ArrayList<>();
            for (int a = 0; a < attempts; a++) {
                ids.add(MailboatConfig.name(0, a));
            }
            return ids;
        }
    }

    /** The mail operations over the Deliver layers of each user. */
    interface Impl extends Function<Map<String, LowerLayer<DeliverSpec.State>>, MailOnDeliver> {
    }

    /**
     * Layered: one Deliver layer spec per user (the partition; its objects made here, so one
     * device per user in each execution), opened at boot and again after a crash.
     */
    static Scenario.Builder<MailState, MailOnDeliver> layered(String name, Bounds b, List<String> users, Impl impl,
            @Nullable String failure, @Nullable MoverCheck<?> claims) {
        Map<String, DeliverSpec> specs = new LinkedHashMap<>();
        for (String u : users) {
            specs.put(u, new DeliverSpec("deliver-" + u, List.of(u), b.ids(), true));
        }
        Function<World, MailOnDeliver> open = w -> {
            Map<String, LowerLayer<DeliverSpec.State>> byUser = new LinkedHashMap<>();
            specs.forEach((u, spec) -> byUser.put(u, Layers.open(w, spec)));
            return impl.apply(byUser);
        };
        Scenario.Builder<MailState, MailOnDeliver> s = Scenario.<MailState, MailOnDeliver>builder("cmail/" + name,
                        CmailScenarios.mailSpec(users, b))
                .expectFailure(failure)
                .boot(open)
                .recover(open)
                .driver(MailOnDeliver::apply);
        return claims == null ? s : s.moverClaims(claims);
    }

    /**
     * Flat: the same mail operations on {@link DeliverOnFs} called directly (the layers
     * composed), on the simulated file system; recovery removes the temporary files first.
     */
    static Scenario.Builder<MailState, MailOnDeliver> flat(String name, Bounds b, List<String> users) {
        Function<World, MailOnDeliver> open = w -> onFs(w, DeliverOnFs.open(w, b.config(), users), users);
        return Scenario.<MailState, MailOnDeliver>builder("cmail/" + name, CmailScenarios.mailSpec(users, b))
                .directories(CmailScenarios.directories(users))
                .randomDomain(b.config().nameSpace())
                .boot(open)
                .recover(w -> {
                    DeliverOnFs d = DeliverOnFs.open(w, b.config(), users);
                    d.recover();
                    return onFs(w, d, users);
                })
                .driver(MailOnDeliver::apply);
    }

    private static MailOnDeliver onFs(World w, DeliverOnFs d, List<String> users) {
        LowerLayer<Unit> pids = Layers.open(w, GET_PID);
        Map<String, LowerLayer<DeliverSpec.State>> byUser = new LinkedHashMap<>();
        for (String u : users) {
            byUser.put(u, new Composed(d, pids));
        }
        return MailOnDeliver.on(byUser);
    }

    /**
     * The Deliver layer's implementation as the layer below, called directly (the composition
     * of the two links: each call is the implementation's file system steps). Its pid is the
     * caller's process id, from {@link #GET_PID}.
     */
    private record Composed(DeliverOnFs impl, LowerLayer<Unit> pids) implements LowerLayer<DeliverSpec.State> {
        @Override
        @SuppressWarnings("unchecked")
        public <R> R call(Op<R> op) {
            return (R) impl.call((DeliverOp<?>) op);
        }

        @Override
        public int pid() {
            return pids.pid();
        }
    }

    /**
     * CSPEC's GetPID of the bottom layer and nothing else: a spec with no operations (any call
     * is undefined, and none is made), opened only to ask which process is calling, which is
     * not a step.
     */
    static final Spec<Unit> GET_PID = new Spec<>() {
        @Override
        public String name() {
            return "getpid";
        }

        @Override
        public Unit initial() {
            return Unit.UNIT;
        }

        @Override
        public <R> Outcomes<R, Unit> step(Unit state, Op<R> op) {
            return Outcomes.undefined();
        }

        @Override
        public Set<Unit> crash(Unit state) {
            return Set.of(Unit.UNIT);
        }
    };

    /**
     * The size scenarios, layered and flat at the same bounds (size benchmarks but the
     * smallest, checked when named or with {@code --benchmarks}): {@code T} threads each delivering
     * {@code K} messages (to one user, or each thread to its own user), a pickup of every user
     * after, with or without one crash (REORDERED, torn writes: what a crash leaves of the file
     * system; the layer's crash step leaves one state).
     */
    static List<Scenario<?, ?>> sizes() {
        List<Scenario<?, ?>> out = new ArrayList<>();
        for (Size z : List.of(new Size(2, 1, false, false), new Size(2, 2, false, true), new Size(4, 2, false, true),
                new Size(4, 2, true, true))) {
            Bounds b = new Bounds(z.perUser());
            List<String> users = z.users();
            boolean small = z.threads() * z.perThread() <= 2;
            out.add(z.fill(layered("layered-" + z.tag(), b, users, MailOnDeliver::on, null, null), "layered", !small));
            out.add(z.fill(flat("flat-" + z.tag(), b, users), "flat", !small));
        }
        return out;
    }

    /** T threads x K deliveries, to one user or to one user per thread, with or without a crash. */
    private record Size(int threads, int perThread, boolean userPerThread, boolean crash) {
        List<String> users() {
            return userPerThread ? CmailScenarios.USERS.subList(0, threads) : List.of(CmailScenarios.ALICE);
        }

        /** The most deliveries to one user, so the ids a link needs. */
        int perUser() {
            return userPerThread ? perThread : threads * perThread;
        }

        String tag() {
            return threads + "x" + perThread + (crash ? "-crash" : "") + (userPerThread ? "-users" : "");
        }

        Scenario<?, ?> fill(Scenario.Builder<MailState, MailOnDeliver> s, String how, boolean benchmark) {
            s.description(how + ": " + threads + " threads x " + perThread + " deliveries"
                    + (userPerThread ? ", each thread to its own user" : ", one user") + ", then a pickup"
                    + (crash ? "; one crash" : "; no crash"));
            List<String> users = users();
            for (int t = 0; t < threads; t++) {
                List<Op<?>> ops = new ArrayList<>();
                for (int k = 0; k < perThread; k++) {
                    ops.add(new Deliver(users.get(userPerThread ? t : 0), String.valueOf((char) ('a' + t * perThread + k))));
                }
                s.thread(ops.toArray(Op<?>[]::new));
            }
            List<Op<?>> after = new ArrayList<>();
            for (String u : users) {
                after.add(new Pickup(u, CmailScenarios.AFTER));
                after.add(new Unlock(u, CmailScenarios.AFTER));
            }
            s.after(after.toArray(Op<?>[]::new));
            if (crash) {
                s.faults(FaultModel.crashes(1));
            }
            if (benchmark) {
                s.benchmark();
            }
            return s.build();
        }
    }
}
