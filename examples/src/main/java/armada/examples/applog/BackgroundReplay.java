package armada.examples.applog;

import armada.world.World;

/**
 * Broken: recovery starts the replay in a background thread and returns at once, so the store
 * answers before it has read its log: a Get right after recovery returns {@code ""} although a
 * Put that returned before the crash stored another value. Recovery is complete when its body
 * returns; the thread it started runs on, interleaved with what follows.
 */
public final class BackgroundReplay extends AppLog {

    private BackgroundReplay(World world) {
        super(world);
    }

    public static AppLog boot(World world) {
        return new BackgroundReplay(world);
    }

    public static AppLog recover(World world) {
        AppLog log = new BackgroundReplay(world);
        world.spawn(log::replay);
        return log;
    }
}
