package armada.mailboat.layers;

import armada.mailboat.MailboatConfig;
import armada.world.Fd;
import armada.world.World;
import java.util.List;

/**
 * Broken: the temporary file is not fsynced before it is linked. A crash after the link (which
 * {@code new/}'s fsync made durable) may keep the name with only part of the message written
 * (ORDERED durability keeps the file's writes in order, not with the directory's): the bottom
 * link's check finds a mailbox holding a torn message, which the Deliver layer never has.
 */
public final class NoTmpFsyncOnFs extends DeliverOnFs {

    private NoTmpFsyncOnFs(World world, MailboatConfig config, List<String> users) {
        super(world, config, users);
    }

    public static DeliverOnFs open(World world, MailboatConfig config, List<String> users) {
        return new NoTmpFsyncOnFs(world, config, users);
    }

    @Override
    protected void messageDurable(Fd fd) {
        // The bug: no fsync.
    }
}
