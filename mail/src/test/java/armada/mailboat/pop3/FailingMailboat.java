package armada.mailboat.pop3;

import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.mailboat.UserLocks;
import armada.world.World;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The mail library with faults a disk can cause: Delete fails ({@link #failDelete}), or the
 * first Pickup fails after taking the lock ({@link #failFirstPickup}).
 */
final class FailingMailboat extends Mailboat {

    volatile boolean failDelete;
    volatile boolean failFirstPickup;

    FailingMailboat(World world, UserLocks locks, String root) {
        super(world, MailboatConfig.DEFAULT, locks, root);
    }

    @Override
    public List<String> pickupIds(String user) {
        List<String> box = super.pickupIds(user);
        if (failFirstPickup) {
            failFirstPickup = false;
            throw new UncheckedIOException(new java.io.IOException("read error in " + user + "/new"));
        }
        return box;
    }

    @Override
    public void delete(String user, String id) {
        if (failDelete) {
            throw new UncheckedIOException(new java.io.IOException("unlink failed in " + user + "/new"));
        }
        super.delete(user, id);
    }
}
