package armada.mailboat.check;

import armada.explore.FaultModel;
import armada.explore.Scenario;
import armada.explore.ScenarioSource;
import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.mailboat.UserNames;
import armada.mailboat.spec.MailOp.CheckUser;
import armada.mailboat.spec.MailOp.CreateUser;
import armada.mailboat.spec.MailOp.Delete;
import armada.mailboat.spec.MailOp.Deliver;
import armada.mailboat.spec.MailOp.Pickup;
import armada.mailboat.spec.MailOp.PickupIds;
import armada.mailboat.spec.MailOp.Read;
import armada.mailboat.spec.MailOp.Reader;
import armada.mailboat.spec.MailOp.Unlock;
import armada.mailboat.spec.MailSpec;
import armada.mailboat.spec.MailState;
import armada.world.Durability;
import armada.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/** Mailboat's shipped scenarios: the library, and each broken variant. */
public final class MailboatScenarios implements ScenarioSource {

    /**
     * Small chunks so that a message is written in several appends; few attempts suffice. The
     * name space is the random domain, so every name the library can draw is explored: a
     * {@code random(2^31)} cut to 2 values would leave the search INCONCLUSIVE. The verdicts hold
     * for this configuration; production only has a larger space of names.
     */
    static final int RANDOM_DOMAIN = 2;
    static final MailboatConfig CONFIG = new MailboatConfig(2, RANDOM_DOMAIN, 3);
    /**
     * The size benchmarks deliver four messages: four attempts, so that the fourth always finds
     * one of its names free (three messages can take at most three of them).
     */
    static final MailboatConfig SCALE = new MailboatConfig(2, 1, 4);
    static final String ALICE = "alice";
    /** The declared directory users are created in, in the scenarios that create them. */
    static final String ROOT = "mail";
    static final int AFTER = 9;

    @Override
    public List<Scenario<?, ?>> scenarios() {
        List<Scenario<?, ?>> all = new ArrayList<>();
        all.add(base("deliver-pickup", Mailboat::open)
                .description("a delivery concurrent with a pickup of the same mailbox; hostile and unknown users")
                .thread(new Deliver(ALICE, "hi!"), new Deliver("../etc", "x"), new CheckUser("a/b"))
                .thread(new Pickup(ALICE, 1), new Unlock(ALICE, 1))
                .after(new Pickup(ALICE, AFTER), new Unlock(ALICE, AFTER))
                .build());
        all.add(base("deliver-deliver", Mailboat::open)
                .description("two deliveries to one mailbox drawing colliding random names")
                .thread(new Deliver(ALICE, "a"))
                .thread(new Deliver(ALICE, "b"))
                .after(new Pickup(ALICE, AFTER), new Unlock(ALICE, AFTER))
                .build());
        all.add(pickupDelete("pickup-delete", Mailboat::open, null,
                "two sessions pick up and delete; the lock keeps them apart"));
        for (Durability d : Durability.values()) {
            String suffix = d == Durability.IMMEDIATE ? "" : "-" + d.name().toLowerCase(java.util.Locale.ROOT);
            all.add(crashDeliver("crash-deliver" + suffix, Mailboat::open, d, 1, null,
                    "a delivery cut by a crash at every step, recovery, pickup (" + d + ")"));
        }
        all.add(crashDeliver("crash-in-recovery", Mailboat::open, Durability.REORDERED, 2, null,
                "two crashes: during the delivery and during recovery (REORDERED)"));

        all.add(base("direct-to-new", DirectToInbox::new)
                .description("broken: delivery writes straight into new/")
                .expectViolation("not-refinement")
                .thread(new Deliver(ALICE, "hi!"))
                .thread(new Pickup(ALICE, 1), new Unlock(ALICE, 1))
                .build());
        all.add(crashDeliver("no-message-fsync", NoMessageFsync::new, Durability.ORDERED, 1, "not-refinement",
                "broken: the message is not fsynced before the link (ORDERED)"));
        all.add(crashDeliver("no-new-fsync", NoInboxFsync::new, Durability.REORDERED, 1, "not-refinement",
                "broken: new/ is not fsynced after the link (REORDERED)"));
        all.add(base("rename-over-existing", RenameOverExisting::new)
                .description("broken: rename instead of link, so one delivery can overwrite another")
                .expectViolation("not-refinement")
                .thread(new Deliver(ALICE, "a"))
                .thread(new Deliver(ALICE, "b"))
                .after(new Pickup(ALICE, AFTER), new Unlock(ALICE, AFTER))
                .build());
        all.add(pickupDelete("unlocked-pickup", UnlockedPickup::new, "not-refinement",
                "broken: pickup does not take the user's lock"));
        all.addAll(scale());
        all.add(crashDeliver("recovery-clears-new", RecoveryClearsInbox::new, Durability.IMMEDIATE, 1,
                "not-refinement", "broken: recovery deletes new/ too"));
        all.add(createDeliver("create-deliver", (w, c) -> Mailboat.openUnder(w, c, ROOT), null,
                "a user created at run time while a delivery to them races, a crash at every step (REORDERED)"));
        all.add(createDeliver("no-maildir-fsync", NoMaildirFsync::new, "not-refinement",
                "broken: the root is not fsynced after a new Maildir is made (REORDERED)"));
        all.add(readerMoves("reader-move", Mailboat::open, null,
                "a mail reader moves and re-flags the message while a session picks up ids, reads and deletes it"));
        all.add(base("reader-pickup", Mailboat::open)
                .description("a mail reader moves and re-flags the message while a session picks up the mailbox")
                .thread(new Deliver(ALICE, "m"), new Pickup(ALICE, 0), new Unlock(ALICE, 0))
                .thread(new Reader(ALICE))
                .build());
        all.add(readerMoves("delete-misses-move", DeleteMissesMove::new, "not-refinement",
                "broken: Delete does not look in cur/ for a message a mail reader moved"));
        return all;
    }

    /**
     * The size benchmarks of the [scale] issue: two threads delivering two messages each, then a
     * pickup (with and without a crash); three threads each delivering, picking up, deleting one
     * message and unlocking.
     */
    private static List<Scenario<?, ?>> scale() {
        List<Scenario<?, ?>> out = new ArrayList<>();
        out.add(base("scale-2x2", Mailboat::open, SCALE)
                .description("2 threads x 2 deliveries, then a pickup; no crash")
                .benchmark()
                .thread(new Deliver(ALICE, "a"), new Deliver(ALICE, "b"))
                .thread(new Deliver(ALICE, "c"), new Deliver(ALICE, "d"))
                .after(new Pickup(ALICE, AFTER), new Unlock(ALICE, AFTER))
                .build());
        out.add(base("scale-2x2-crash", Mailboat::open, SCALE)
                .description("2 threads x 2 deliveries, then a pickup; one crash (REORDERED, torn writes)")
                .benchmark()
                .thread(new Deliver(ALICE, "a"), new Deliver(ALICE, "b"))
                .thread(new Deliver(ALICE, "c"), new Deliver(ALICE, "d"))
                .after(new Pickup(ALICE, AFTER), new Unlock(ALICE, AFTER))
                .faults(FaultModel.crashes(1))
                .build());
        List<String> names = List.of("a", "b", "c");
        Scenario.Builder<MailState, MailClient> three = base("scale-3x2", Mailboat::open, SCALE)
                .description("3 threads each deliver, then pick up, delete one message and unlock; no crash")
                .benchmark();
        for (int i = 0; i < names.size(); i++) {
            three.thread(new Deliver(ALICE, names.get(i)), new Pickup(ALICE, i), new Delete(ALICE, i, 0),
                    new Unlock(ALICE, i));
        }
        out.add(three.after(new Pickup(ALICE, AFTER), new Unlock(ALICE, AFTER)).build());
        return out;
    }

    /** Every id the library can choose with {@code config}. */
    static List<String> ids(MailboatConfig config) {
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < config.nameSpace(); r++) {
            for (int a = 0; a < config.maxAttempts(); a++) {
                ids.add(MailboatConfig.name(r, a));
            }
        }
        return ids;
    }

    private static Scenario.Builder<MailState, MailClient> base(String name,
            BiFunction<World, MailboatConfig, Mailboat> library) {
        return base(name, library, CONFIG);
    }

    private static Scenario.Builder<MailState, MailClient> base(String name,
            BiFunction<World, MailboatConfig, Mailboat> library, MailboatConfig config) {
        return Scenario.<MailState, MailClient>builder("mailboat/" + name, new MailSpec(Set.of(ALICE), ids(config)))
                .directories(UserNames.tmp(ALICE), UserNames.inbox(ALICE), UserNames.cur(ALICE))
                .randomDomain(config.nameSpace())
                .boot(w -> new MailClient(w, library.apply(w, config)))
                .recover(w -> {
                    Mailboat m = library.apply(w, config);
                    m.recover();
                    return new MailClient(w, m);
                })
                .driver(MailClient::apply);
    }

    /**
     * Users created at run time: the root is declared, alice has no mailbox yet. One thread
     * creates her while another delivers to her; one crash anywhere (REORDERED); afterwards,
     * whether she exists and what her mailbox holds.
     */
    private static Scenario<?, ?> createDeliver(String name, BiFunction<World, MailboatConfig, Mailboat> library,
            @Nullable String failure, String description) {
        return Scenario.<MailState, MailClient>builder("mailboat/" + name, new MailSpec(Set.of(), ids(CONFIG)))
                .directories(ROOT)
                .randomDomain(CONFIG.nameSpace())
                .boot(w -> new MailClient(w, library.apply(w, CONFIG)))
                .recover(w -> {
                    Mailboat m = library.apply(w, CONFIG);
                    m.recover();
                    return new MailClient(w, m);
                })
                .driver(MailClient::apply)
                .description(description)
                .expectFailure(failure)
                .thread(new CreateUser(ALICE))
                .thread(new Deliver(ALICE, "hi!"))
                .after(new CheckUser(ALICE), new Pickup(ALICE, AFTER), new Unlock(ALICE, AFTER))
                .faults(FaultModel.crashes(1).withDurability(Durability.REORDERED))
                .build();
    }

    /**
     * A session picks up the ids, reads and deletes the message while a mail reader moves it to
     * cur/ and re-flags it; afterwards the mailbox must be empty.
     */
    private static Scenario<?, ?> readerMoves(String name, BiFunction<World, MailboatConfig, Mailboat> library,
            @Nullable String failure, String description) {
        return base(name, library)
                .description(description)
                .expectFailure(failure)
                .thread(new Deliver(ALICE, "m"), new PickupIds(ALICE, 0), new Read(ALICE, 0, 0), new Delete(ALICE, 0, 0),
                        new Unlock(ALICE, 0))
                .thread(new Reader(ALICE))
                .after(new Pickup(ALICE, AFTER), new Unlock(ALICE, AFTER))
                .build();
    }

    private static Scenario<?, ?> pickupDelete(String name, BiFunction<World, MailboatConfig, Mailboat> library,
            @Nullable String failure, String description) {
        return base(name, library)
                .description(description)
                .expectFailure(failure)
                .thread(new Deliver(ALICE, "m"), new Pickup(ALICE, 0), new Delete(ALICE, 0, 0), new Unlock(ALICE, 0))
                .thread(new Pickup(ALICE, 1), new Unlock(ALICE, 1))
                .build();
    }

    private static Scenario<?, ?> crashDeliver(String name, BiFunction<World, MailboatConfig, Mailboat> library,
            Durability durability, int crashes, @Nullable String failure, String description) {
        return base(name, library)
                .description(description)
                .expectFailure(failure)
                .thread(new Deliver(ALICE, "hi!"))
                .after(new Pickup(ALICE, AFTER), new Unlock(ALICE, AFTER))
                .faults(FaultModel.crashes(crashes).withDurability(durability))
                .build();
    }
}
