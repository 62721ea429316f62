package armada.mailboat.check;

import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.mailboat.MemoryUserLocks;
import armada.world.World;

/**
 * Broken: the link into {@code new/} is never made durable (no fsync of {@code new/}). Deliver
 * returns true, so SMTP would answer 250, yet under REORDERED durability a crash may drop the
 * new directory entry: an acknowledged message is lost. Shortest execution: t0 delivers and
 * returns true, crash keeping the old entries of new/, recovery, a Pickup returns nothing.
 */
final class NoInboxFsync extends Mailboat {

    NoInboxFsync(World world, MailboatConfig config) {
        super(world, config, new MemoryUserLocks(world, usersOf(world.fileSystem())));
    }

    @Override
    protected void linkDurable(String inbox) {
        // Missing: Deliver returns true while the link into new/ may still be lost.
    }
}
