package armada.mailboat.check;

import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.mailboat.MemoryUserLocks;
import armada.mailboat.UserNames;
import armada.world.MissingFileException;
import armada.world.World;

/**
 * Broken: Delete unlinks the message under the name its Pickup saw and, when that name is gone,
 * takes the message as deleted already, without looking for it in {@code cur/} by its unique
 * name. A mail reader that moved it from {@code new/} to {@code cur/} in between keeps it alive:
 * the POP3 client was told it is deleted, and the next Pickup returns it again. Shortest execution
 * (the golden trace): t0 delivers {@code 0.0} and its PickupIds lists {@code new/}; the reader
 * t1 moves it to {@code cur/0.0:2,S} and re-flags it {@code cur/0.0:2,RS}; t0 reads it (Read
 * follows the move), then Delete's unlink of {@code new/0.0} finds nothing and returns; after
 * t0 unlocks, a Pickup still returns {@code 0.0}, which the spec deleted.
 */
final class DeleteMissesMove extends Mailboat {

    DeleteMissesMove(World world, MailboatConfig config) {
        super(world, config, new MemoryUserLocks(world, usersOf(world.fileSystem())));
    }

    @Override
    public void delete(String user, String id) {
        checkMailbox(user);
        boolean inCur = id.startsWith("cur/");
        String dir = inCur ? UserNames.cur(home(user)) : UserNames.inbox(home(user));
        try {
            fs.unlink(dir, inCur ? id.substring(4) : id);
            fs.fsyncDir(dir);
        } catch (MissingFileException e) {
            // Wrong: a mail reader may have renamed it, not deleted it.
        }
    }
}
