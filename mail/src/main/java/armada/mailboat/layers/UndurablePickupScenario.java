package armada.mailboat.layers;

import armada.explore.FaultModel;
import armada.explore.Scenario;
import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.mailboat.StoredMessage;
import armada.mailboat.UserNames;
import armada.mailboat.spec.MailOp;
import armada.mailboat.spec.Message;
import armada.mailboat.spec.MailSpec;
import armada.mailboat.spec.MailState;
import armada.spec.Unit;
import armada.world.Durability;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the bottom link found in Mailboat itself: Deliver links the message into {@code new/}
 * and only then fsyncs {@code new/}; a Pickup in between lists and returns the message, and a
 * crash before that fsync loses it (REORDERED durability), so a message the user was given is
 * gone afterwards, which the mail spec does not allow (a Deliver seen by a Pickup took effect).
 * Mailboat's own scenarios have no Pickup concurrent with a Deliver and a crash. The Deliver
 * layer's implementation ({@link DeliverOnFs}) fsyncs {@code new/} before it shows a listing.
 */
final class UndurablePickupScenario {

    private UndurablePickupScenario() {
    }

    static Scenario<?, ?> mailboat(String name) {
        MailboatConfig config = new MailboatConfig(2, 1, 3);
        String a = CmailScenarios.ALICE;
        return Scenario.<MailState, Mailboat>builder("cmail/" + name,
                        new MailSpec(Set.of(a), new SizeScenarios.Bounds(3).ids()))
                .description("finding: Mailboat's Pickup returns a message whose link is not durable yet; a crash"
                        + " loses it (REORDERED)")
                .expectViolation("not-refinement")
                .directories(UserNames.tmp(a), UserNames.inbox(a), UserNames.cur(a))
                .randomDomain(config.nameSpace())
                .boot(w -> Mailboat.open(w, config))
                .recover(w -> {
                    Mailboat m = Mailboat.open(w, config);
                    m.recover();
                    return m;
                })
                .driver(UndurablePickupScenario::apply)
                .thread(new MailOp.Deliver(a, "bb!"))
                .thread(new MailOp.Pickup(a, 1), new MailOp.Unlock(a, 1))
                .after(new MailOp.Pickup(a, CmailScenarios.AFTER), new MailOp.Unlock(a, CmailScenarios.AFTER))
                .faults(FaultModel.crashes(1).withDurability(Durability.REORDERED))
                .build();
    }

    private static Object apply(Mailboat m, armada.spec.Op<?> op) {
        return switch ((MailOp<?>) op) {
            case MailOp.Deliver(String u, String msg) -> m.deliver(u, msg.getBytes(StandardCharsets.ISO_8859_1));
            case MailOp.Pickup(String u, int session) -> {
                List<Message> out = new ArrayList<>();
                for (StoredMessage s : m.pickup(u)) {
                    out.add(new Message(s.id(), new String(s.contents(), StandardCharsets.ISO_8859_1)));
                }
                yield List.copyOf(out);
            }
            case MailOp.Unlock(String u, int session) -> {
                m.unlock(u);
                yield Unit.UNIT;
            }
            default -> throw new UnsupportedOperationException(op.toString());
        };
    }
}
