package armada.mailboat.layers;

import armada.explore.FaultModel;
import armada.explore.Scenario;
import armada.mailboat.MailboatConfig;
import armada.mailboat.layers.DeliverOp.CreateWriteTmp;
import armada.mailboat.layers.DeliverOp.DeleteMail;
import armada.mailboat.layers.DeliverOp.LinkTmp;
import armada.mailboat.layers.DeliverOp.ListMail;
import armada.mailboat.layers.DeliverOp.Lock;
import armada.mailboat.layers.DeliverOp.ReadMail;
import armada.mailboat.layers.DeliverOp.Unlock;
import armada.mailboat.layers.DeliverOp.UnlinkTmp;
import armada.world.Durability;
import armada.world.World;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The bottom link: the Deliver layer implemented on the simulated file system
 * ({@link DeliverOnFs}) checked against the Deliver layer's spec, with clients making the calls
 * the mail operations above make (process {@code p} naming its own temporary file). Messages are
 * three bytes, so two appends of the 2-byte chunks: a torn message can be seen.
 */
final class BottomLinkScenarios {

    private BottomLinkScenarios() {
    }

    /** How a scenario makes the implementation (a broken variant overrides one step). */
    interface Impl {
        DeliverOnFs open(World w, MailboatConfig config, List<String> users);
    }

    /** The one-user Deliver layer of these bounds (links take the first free id). */
    static DeliverSpec oneUser(SizeScenarios.Bounds b) {
        return new DeliverSpec("deliver", List.of(CmailScenarios.ALICE), b.ids(), true);
    }

    /** The Deliver layer of alice and bob. */
    static DeliverSpec twoUsers(SizeScenarios.Bounds b) {
        return new DeliverSpec("deliver", List.of(CmailScenarios.ALICE, "bob"), b.ids(), true);
    }

    private static Scenario.Builder<DeliverSpec.State, DeliverOnFs> base(String name, DeliverSpec spec,
            MailboatConfig config, Impl impl) {
        List<String> users = spec.users();
        return Scenario.<DeliverSpec.State, DeliverOnFs>builder("cmail/" + name, spec)
                .directories(CmailScenarios.directories(users))
                .randomDomain(config.nameSpace())
                .boot(w -> impl.open(w, config, users))
                .recover(w -> {
                    DeliverOnFs d = impl.open(w, config, users);
                    d.recover();
                    return d;
                })
                .driver(DeliverOnFs::apply);
    }

    /** Process {@code p}'s delivery of {@code message} to {@code u}: create and write, link, unlink. */
    private static List<DeliverOp<?>> deliver(String u, int p, String message) {
        return List.of(new CreateWriteTmp(u, p, message), new LinkTmp(u, p), new UnlinkTmp(u, p));
    }

    /** Process {@code p} takes {@code u}'s lock, lists, deletes the first id and unlocks. */
    private static List<DeliverOp<?>> listDelete(String u, int p, List<String> ids) {
        return List.of(new Lock(u, p), new ListMail(u, p), new DeleteMail(u, p, ids.get(0)), new Unlock(u, p));
    }

    /** What {@code u}'s mailbox holds after a crash: its list and its first two messages (process 0, no lock). */
    private static List<DeliverOp<?>> contents(String u, List<String> ids) {
        return List.of(new ListMail(u, 0), new ReadMail(u, ids.get(0)), new ReadMail(u, ids.get(1)));
    }

    private static DeliverOp<?>[] concat(List<DeliverOp<?>> a, List<DeliverOp<?>> b) {
        List<DeliverOp<?>> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(DeliverOp<?>[]::new);
    }

    /**
     * One user, with a crash of the given durability: processes 1 and 2 each deliver, process
     * 1 then lists the mailbox (no lock: the list races process 2's link); then what the
     * mailbox holds.
     */
    static Scenario<?, ?> oneUser(String name, Impl impl, Durability durability, @Nullable String failure,
            String description) {
        SizeScenarios.Bounds b = new SizeScenarios.Bounds(3);
        String a = CmailScenarios.ALICE;
        return base(name, oneUser(b), b.config(), impl)
                .description(description)
                .expectFailure(failure)
                .thread(concat(deliver(a, 1, "aa!"), List.of(new ListMail(a, 1))))
                .thread(deliver(a, 2, "bb!").toArray(DeliverOp<?>[]::new))
                .after(contents(a, b.ids()).toArray(DeliverOp<?>[]::new))
                .faults(FaultModel.crashes(1).withDurability(durability))
                .build();
    }

    /**
     * One user, no crash: process 1 delivers, takes the lock, lists, deletes the first message
     * and unlocks while process 2 delivers; then what the mailbox holds. (With a crash as well
     * this search took 37,332 executions: the crash is checked by {@link #oneUser}.)
     */
    static Scenario<?, ?> pickupDelete(String name, String description) {
        SizeScenarios.Bounds b = new SizeScenarios.Bounds(3);
        String a = CmailScenarios.ALICE;
        return base(name, oneUser(b), b.config(), DeliverOnFs::open)
                .description(description)
                .thread(concat(deliver(a, 1, "aa!"), listDelete(a, 1, b.ids())))
                .thread(deliver(a, 2, "bb!").toArray(DeliverOp<?>[]::new))
                .after(contents(a, b.ids()).toArray(DeliverOp<?>[]::new))
                .build();
    }

    /**
     * Two users' Maildirs: process 1 delivers to alice and lists, process 2 the same for bob;
     * then what each mailbox holds; one crash (REORDERED). What the search sees here is whether
     * the file system keeps the two Maildirs apart (CSPEC's partition at the bottom layer).
     */
    static Scenario<?, ?> twoUsersScenario(String name, String description) {
        SizeScenarios.Bounds b = new SizeScenarios.Bounds(3);
        String a = CmailScenarios.ALICE;
        return base(name, twoUsers(b), b.config(), DeliverOnFs::open)
                .description(description)
                .thread(concat(deliver(a, 1, "aa!"), List.of(new ListMail(a, 1))))
                .thread(concat(deliver("bob", 2, "bb!"), List.of(new ListMail("bob", 2))))
                .after(concat(contents(a, b.ids()), contents("bob", b.ids())))
                .faults(FaultModel.crashes(1).withDurability(Durability.REORDERED))
                .build();
    }

    /**
     * Names drawn from two values with three attempts (Mailboat's checked configuration): the
     * layer that links under any free id, two deliveries whose names may collide, then a list.
     */
    static Scenario<?, ?> random(String name, String description) {
        MailboatConfig config = new MailboatConfig(2, 2, 3);
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < config.nameSpace(); r++) {
            for (int at = 0; at < config.maxAttempts(); at++) {
                ids.add(MailboatConfig.name(r, at));
            }
        }
        String a = CmailScenarios.ALICE;
        return base(name, new DeliverSpec("deliver", List.of(a), ids, false), config, DeliverOnFs::open)
                .description(description)
                .thread(deliver(a, 1, "aa!").toArray(DeliverOp<?>[]::new))
                .thread(deliver(a, 2, "bb!").toArray(DeliverOp<?>[]::new))
                .after(new ListMail(a, 0))
                .build();
    }
}
