package armada.mailboat.check;

import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.mailboat.MemoryUserLocks;
import armada.mailboat.UserNames;
import armada.world.World;

/**
 * Broken: the message is moved into {@code new/} with rename, which replaces an existing file,
 * instead of link, which fails if the name is taken. Two deliveries that draw the same name
 * both succeed and the second overwrites the first: a delivered message is lost without a
 * crash. Shortest execution: t0 and t1 deliver to the same user, drawing the same id.
 */
final class RenameOverExisting extends Mailboat {

    RenameOverExisting(World world, MailboatConfig config) {
        super(world, config, new MemoryUserLocks(world, usersOf(world.fileSystem())));
    }

    @Override
    public boolean deliver(String user, byte[] message) {
        if (!users.contains(user)) {
            return false;
        }
        String tmpDir = UserNames.tmp(user);
        String tmpName = writeTemp(tmpDir, message);
        String inbox = UserNames.inbox(user);
        fs.rename(tmpDir, tmpName, inbox, MailboatConfig.name(world.random(config.nameSpace()), 0));
        fs.fsyncDir(inbox);
        return true;
    }
}
