package armada.examples.applog;

import armada.world.Fd;
import armada.world.World;

/**
 * Broken: Put appends its record and returns without fsyncing the segment. A crash after the Put
 * returned can lose the record, and Get after recovery returns the older value. Invisible in the
 * paper's IMMEDIATE model, where every append is durable when it returns; found by the default
 * fault model (REORDERED).
 */
public final class NoFsync extends AppLog {

    private NoFsync(World world) {
        super(world);
    }

    public static AppLog boot(World world) {
        return new NoFsync(world);
    }

    public static AppLog recover(World world) {
        AppLog log = new NoFsync(world);
        log.replay();
        return log;
    }

    @Override
    protected void durable(Fd fd) {
        // missing: fs.fsync(fd)
    }
}
