package armada.mailboat.check;

import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.mailboat.MemoryUserLocks;
import armada.mailboat.UserNames;
import armada.world.World;

/**
 * Broken: recovery "cleans up" {@code new/} as well as {@code tmp/}. Every message delivered
 * before the crash, acknowledged and durable, is deleted by the recovery that should protect
 * it. Shortest execution: t0 delivers and returns true, crash, recovery, a Pickup returns nothing.
 */
final class RecoveryClearsInbox extends Mailboat {

    RecoveryClearsInbox(World world, MailboatConfig config) {
        super(world, config, new MemoryUserLocks(world, usersOf(world.fileSystem())));
    }

    @Override
    public void recover() {
        super.recover();
        for (String user : users) {
            String inbox = UserNames.inbox(user);
            for (String name : fs.list(inbox)) {
                fs.unlink(inbox, name);
            }
            fs.fsyncDir(inbox);
        }
    }
}
