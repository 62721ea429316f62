package armada.mailboat.pop3;

import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.mailboat.MemoryUserLocks;
import armada.mailboat.StoredMessage;
import armada.world.World;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The mail library with faults a disk or an operator can cause: Delete fails ({@link #failDelete}),
 * the first Pickup fails after taking the lock ({@link #failFirstPickup}), or some users have no
 * mailbox although the user store knows them (added after the server started).
 */
final class FailingMailboat extends Mailboat {

    volatile boolean failDelete;
    volatile boolean failFirstPickup;
    private final Set<String> withoutMailbox;

    FailingMailboat(World world, Set<String> withoutMailbox) {
        super(world, MailboatConfig.DEFAULT, new MemoryUserLocks(world, usersOf(world.fileSystem())));
        this.withoutMailbox = Set.copyOf(withoutMailbox);
    }

    @Override
    public boolean checkUser(String user) {
        return !withoutMailbox.contains(user) && super.checkUser(user);
    }

    @Override
    public List<StoredMessage> pickup(String user) {
        List<StoredMessage> box = super.pickup(user);
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
