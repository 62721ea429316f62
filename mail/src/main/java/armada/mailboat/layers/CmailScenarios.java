package armada.mailboat.layers;

import armada.explore.FaultModel;
import armada.explore.Scenario;
import armada.explore.ScenarioSource;
import armada.layers.LayerChain;
import armada.layers.MoverCheck;
import armada.mailboat.UserNames;
import armada.mailboat.spec.MailOp.Delete;
import armada.mailboat.spec.MailOp.Deliver;
import armada.mailboat.spec.MailOp.Pickup;
import armada.mailboat.spec.MailOp.Unlock;
import armada.mailboat.spec.MailSpec;
import armada.world.Durability;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Mailboat in CMAIL's layers (CSPEC Fig. 7, section 8.1): the mail operations on the Deliver
 * layer, and the Deliver layer on the file system, each checked alone (a chain of two links), the
 * Deliver layer's mover claims and its per-user partition checked, and the same code composed
 * and checked flat on the file system at the same bounds ({@code cmail/flat-*}, size benchmarks).
 *
 * <p>Names are drawn from one value, so a link tries {@code 0.0}, {@code 0.1}, ... in order and
 * takes the first free one (the layer says so: {@code firstFree}); {@code cmail/deliver-on-fs-random}
 * checks the layer that takes any free id against two values, where names collide and are retried.
 */
public final class CmailScenarios implements ScenarioSource {

    static final String ALICE = "alice";
    static final List<String> USERS = List.of("alice", "bob", "carol", "dave");
    static final int AFTER = 9;

    /** The one-user chain: the mail operations on the Deliver layer, the Deliver layer on the file system. */
    public static final LayerChain CHAIN = new LayerChain("mail", List.of(
            new LayerChain.Link("cmail/mail-on-deliver", "mail", "deliver"),
            new LayerChain.Link("cmail/deliver-on-fs", "deliver", "fs")));

    /** The partitioned chain: one Deliver layer per user, and the file system's Maildirs of two users. */
    public static final LayerChain PARTITION = new LayerChain("mail (two users)", List.of(
            new LayerChain.Link("cmail/users-on-deliver", "mail", "deliver per user"),
            new LayerChain.Link("cmail/deliver-on-fs-users", "deliver per user", "fs")));

    @Override
    public List<LayerChain> chains() {
        return List.of(CHAIN, PARTITION);
    }

    @Override
    public List<Scenario<?, ?>> scenarios() {
        List<Scenario<?, ?>> all = new ArrayList<>();
        SizeScenarios.Bounds chain = new SizeScenarios.Bounds(3);
        all.add(SizeScenarios.layered("mail-on-deliver", chain, List.of(ALICE), MailOnDeliver::on, null,
                        claims(chain))
                .description("link 1 of 2: deliveries, a pickup and a delete on the Deliver layer run as the World;"
                        + " one crash; mover claims checked; composes with cmail/deliver-on-fs")
                .thread(new Deliver(ALICE, "a"), new Pickup(ALICE, 1), new Delete(ALICE, 1, 0), new Unlock(ALICE, 1))
                .thread(new Deliver(ALICE, "b"))
                .after(new Pickup(ALICE, AFTER), new Unlock(ALICE, AFTER))
                .faults(FaultModel.crashes(1))
                .build());
        all.add(SizeScenarios.flat("flat-mail-on-deliver", chain, List.of(ALICE))
                .description("flat: cmail/mail-on-deliver's operations and crash on the file system, the two links"
                        + " composed, to compare with the chain")
                .benchmark()
                .thread(new Deliver(ALICE, "a"), new Pickup(ALICE, 1), new Delete(ALICE, 1, 0), new Unlock(ALICE, 1))
                .thread(new Deliver(ALICE, "b"))
                .after(new Pickup(ALICE, AFTER), new Unlock(ALICE, AFTER))
                .faults(FaultModel.crashes(1))
                .build());
        all.add(BottomLinkScenarios.oneUser("deliver-on-fs", DeliverOnFs::open, Durability.REORDERED, null,
                "link 2 of 2: the Deliver layer on the file system: two deliveries and a list, one crash"
                        + " (REORDERED); composes with cmail/mail-on-deliver (lock and delete: cmail/deliver-on-fs-delete)"));
        all.add(BottomLinkScenarios.pickupDelete("deliver-on-fs-delete", "the Deliver layer on the file system: a delivery"
                + " while another process delivers, locks, lists, deletes and unlocks; no crash"));
        all.add(SizeScenarios.layered("users-on-deliver", chain, List.of(ALICE, "bob"), MailOnDeliver::on, null,
                        DeliverClaims.partitionClaims(BottomLinkScenarios.twoUsers(chain), chain.ids()))
                .description("link 1 of 2, partitioned: one Deliver layer per user; deliveries to two users and a"
                        + " pickup, one crash; the partition's claims checked; composes with cmail/deliver-on-fs-users")
                .thread(new Deliver(ALICE, "a"), new Pickup(ALICE, 1), new Unlock(ALICE, 1))
                .thread(new Deliver("bob", "b"), new Deliver(ALICE, "c"))
                .after(new Pickup(ALICE, AFTER), new Unlock(ALICE, AFTER), new Pickup("bob", AFTER),
                        new Unlock("bob", AFTER))
                .faults(FaultModel.crashes(1))
                .build());
        all.add(BottomLinkScenarios.twoUsersScenario("deliver-on-fs-users",
                "link 2 of 2, partitioned: the Deliver layer of two users on the file system, one crash (REORDERED);"
                        + " composes with cmail/users-on-deliver"));
        all.add(BottomLinkScenarios.random("deliver-on-fs-random",
                "the Deliver layer taking any free id, on the file system drawing names from two values: two"
                        + " deliveries' names collide and are retried"));
        all.add(SizeScenarios.layered("unlocked-pickup", chain, List.of(ALICE), UnlockedPickupOnDeliver::on,
                        "not-refinement", null)
                .description("broken: Pickup does not take the lock; a second session's Pickup runs while the first"
                        + " holds it")
                .thread(new Deliver(ALICE, "m"), new Pickup(ALICE, 1), new Unlock(ALICE, 1))
                .thread(new Pickup(ALICE, 2), new Unlock(ALICE, 2))
                .build());
        all.add(SizeScenarios.layered("false-mover-link", chain, List.of(ALICE), MailOnDeliver::on, "false-mover",
                        DeliverClaims.falseLinkClaim(BottomLinkScenarios.oneUser(chain), List.of(1, 2), chain.ids()))
                .description("broken: claims the link into the mailbox is a right mover; a List by another process"
                        + " after it cannot be moved before it")
                .thread(new Deliver(ALICE, "a"))
                .thread(new Pickup(ALICE, 2), new Unlock(ALICE, 2))
                .build());
        all.add(BottomLinkScenarios.oneUser("no-tmp-fsync", NoTmpFsyncOnFs::open, Durability.ORDERED, "not-refinement",
                "broken: the temporary file is not fsynced before the link; a crash keeps a torn message (ORDERED)"));
        all.add(BottomLinkScenarios.oneUser("undurable-list", UndurableListOnFs::open, Durability.REORDERED,
                "not-refinement", "broken, as Mailboat's Pickup: a listing shows a link not yet durable; a crash"
                        + " loses it (REORDERED)"));
        all.add(UndurablePickupScenario.mailboat("mailboat-undurable-pickup"));
        all.addAll(SizeScenarios.sizes());
        return all;
    }

    /** CMAIL's claims on the one-user layer of these bounds, for processes 0 to 2. */
    static MoverCheck<DeliverSpec.State> claims(SizeScenarios.Bounds b) {
        return DeliverClaims.deliverClaims(BottomLinkScenarios.oneUser(b), List.of(0, 1, 2), b.ids());
    }

    /** The mail spec of {@code users} over the ids {@code b} can choose. */
    static MailSpec mailSpec(List<String> users, SizeScenarios.Bounds b) {
        return new MailSpec(Set.copyOf(users), b.ids());
    }

    /** The directories of {@code users}' Maildirs ({@code u/tmp}, {@code u/new}). */
    static String[] directories(List<String> users) {
        List<String> d = new ArrayList<>();
        for (String u : users) {
            d.add(UserNames.tmp(u));
            d.add(UserNames.inbox(u));
        }
        return d.toArray(String[]::new);
    }

}
