package armada.examples.applog;

import armada.world.World;

/**
 * Correct: recovery also removes segments that hold no whole record, as a best effort: any
 * problem doing so (even an {@code Error}) is caught and ignored, since the segments are only
 * garbage. Catching {@code Throwable} also catches a crash in the middle of the cleanup; the
 * crash must still happen (recovery then runs again), or this correct code looks broken.
 */
public final class BestEffortCleanup extends AppLog {

    private BestEffortCleanup(World world) {
        super(world);
    }

    public static AppLog boot(World world) {
        return new BestEffortCleanup(world);
    }

    public static AppLog recover(World world) {
        AppLog log = new BestEffortCleanup(world);
        log.replay();
        try {
            for (String name : log.segments()) {
                if (Records.parse(log.read(name)).isEmpty() && !name.equals(log.newest)) {
                    log.fs.unlink(DIR, name);
                }
            }
            log.fs.fsyncDir(DIR);
        } catch (Throwable t) {
            // best effort: leftover empty segments are harmless
        }
        return log;
    }
}
