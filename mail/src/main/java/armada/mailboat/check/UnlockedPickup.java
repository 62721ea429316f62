package armada.mailboat.check;

import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.mailboat.MemoryUserLocks;
import armada.mailboat.StoredMessage;
import armada.world.World;
import java.util.List;

/**
 * Broken: Pickup does not take the user's lock (and Unlock releases nothing). Two sessions then
 * hold the same mailbox at once, so both can delete the same message (the second unlink finds
 * no file), and a Pickup can list a message another session is deleting. Shortest execution (the
 * golden trace): t0 delivers, picks up and starts deleting the message; t1 picks up while t0's
 * session still holds the mailbox and gets an empty list. In the spec a Pickup waits for the
 * user's lock, so it cannot happen there: nothing explains t1's result.
 */
final class UnlockedPickup extends Mailboat {

    UnlockedPickup(World world, MailboatConfig config) {
        super(world, config, new MemoryUserLocks(world, usersOf(world.fileSystem())));
    }

    @Override
    public List<StoredMessage> pickup(String user) {
        checkMailbox(user);
        return readInbox(user);
    }

    @Override
    public void unlock(String user) {
        checkMailbox(user);
    }
}
