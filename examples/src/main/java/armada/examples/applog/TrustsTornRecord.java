package armada.examples.applog;

import armada.world.World;
import java.util.List;

/**
 * Broken: recovery trusts each record's length byte and takes whatever follows it, up to the end
 * of the file. A Put cut by a crash can leave its record torn (the length byte and part of the
 * value durable, the rest not); recovery then returns a prefix of a value nobody put, which Get
 * reports. Invisible without torn writes: a record then survives whole or not at all.
 */
public final class TrustsTornRecord extends AppLog {

    private TrustsTornRecord(World world) {
        super(world);
    }

    public static AppLog boot(World world) {
        return new TrustsTornRecord(world);
    }

    public static AppLog recover(World world) {
        AppLog log = new TrustsTornRecord(world);
        log.replay();
        return log;
    }

    @Override
    protected List<String> records(byte[] segmentBytes) {
        return Records.parseTrusting(segmentBytes);
    }
}
