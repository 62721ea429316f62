package armada.mailboat.check;

import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.mailboat.MemoryUserLocks;
import armada.world.Fd;
import armada.world.World;

/**
 * Broken: the temporary file is not fsynced before it is linked into {@code new/}. Under ORDERED
 * durability the fsync of {@code new/} makes the link durable while the message's data is still
 * unsynced, so a crash can leave a linked message empty or cut short. Shortest execution (the
 * golden trace): t0's Deliver writes the message in chunks, links it and fsyncs {@code new/}; a
 * crash before Deliver returns keeps the link but none of the appends; after recovery a Pickup
 * returns the message empty, which no spec state allows (a message is delivered whole or not at
 * all, even when its Deliver was cut off).
 */
final class NoMessageFsync extends Mailboat {

    NoMessageFsync(World world, MailboatConfig config) {
        super(world, config, new MemoryUserLocks(world, usersOf(world.fileSystem())));
    }

    @Override
    protected void messageDurable(Fd fd) {
        // Missing: the link into new/ may become durable before the bytes it names.
    }
}
