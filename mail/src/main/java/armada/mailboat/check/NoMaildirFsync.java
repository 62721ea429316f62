package armada.mailboat.check;

import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.world.World;

/**
 * Broken: creating a user makes the Maildir and fsyncs it, but never fsyncs the root directory
 * that holds it. Its entry there is still unsynced when the user is let in, so a delivery to the
 * new user can return true while a crash may yet drop the whole Maildir, with the acknowledged
 * message inside. Shortest execution (the golden trace): t0's CreateUser makes {@code mail/alice}
 * and its three directories, fsyncs {@code mail/alice/} and lets alice in; t1 delivers to her
 * and returns true; a crash (REORDERED) keeps the durable {@code mail/alice/} but not the
 * unsynced entry {@code alice} of {@code mail}; after recovery alice does not exist. A Deliver
 * that returned true means her creation took effect and was made durable before it, so
 * CheckUser returning false is explained by no spec state.
 */
final class NoMaildirFsync extends Mailboat {

    NoMaildirFsync(World world, MailboatConfig config) {
        super(world, config, MailboatScenarios.ROOT);
    }

    @Override
    protected void maildirDurable(String rootDirectory) {
        // Missing: the user's entry in the root may still be lost in a crash.
    }
}
