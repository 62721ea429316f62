package armada.mailboat.check;

import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.mailboat.MemoryUserLocks;
import armada.mailboat.UserNames;
import armada.world.Fd;
import armada.world.World;
import java.util.Optional;

/**
 * Broken: delivery writes the message straight into {@code new/} instead of {@code tmp/}. The
 * file is visible from its creation, so a Pickup running before the last chunk is written returns
 * a partial message that was never delivered. Shortest execution (the golden trace): t0 creates
 * the file in new/, t1 picks up and reads it still empty, then t0 writes the chunks.
 */
final class DirectToInbox extends Mailboat {

    DirectToInbox(World world, MailboatConfig config) {
        super(world, config, new MemoryUserLocks(world, usersOf(world.fileSystem())));
    }

    @Override
    public boolean deliver(String user, byte[] message) {
        if (!users.contains(user)) {
            return false;
        }
        String inbox = UserNames.inbox(user);
        for (int attempt = 0; attempt < config.maxAttempts(); attempt++) {
            Optional<Fd> fd = fs.create(inbox, MailboatConfig.name(world.random(config.nameSpace()), attempt));
            if (fd.isPresent()) {
                writeChunks(fd.get(), message);
                fs.fsync(fd.get());
                fs.close(fd.get());
                fs.fsyncDir(inbox);
                return true;
            }
        }
        throw new IllegalStateException("no free name");
    }
}
