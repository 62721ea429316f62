package armada.examples.applog;

import armada.world.AtomicCell;
import armada.world.World;

/**
 * Correct: recovery replays the log in a background thread, as {@link BackgroundReplay} does, but
 * every Put and Get first waits, spinning on an atomic flag, until the replay has finished. The
 * spin is what a checker must not mistake for a livelock: a waiting thread re-reads a flag that
 * only the replay thread will change.
 */
public final class AwaitedReplay extends AppLog {

    private final AtomicCell<Boolean> ready;

    private AwaitedReplay(World world, boolean replayed) {
        super(world);
        this.ready = world.newAtomicCell(replayed);
    }

    public static AppLog boot(World world) {
        return new AwaitedReplay(world, true);
    }

    public static AppLog recover(World world) {
        AwaitedReplay log = new AwaitedReplay(world, false);
        world.spawn(() -> {
            log.replay();
            log.ready.set(true);
        });
        return log;
    }

    private void awaitReplay() {
        while (!ready.get()) {
            // spin: the replay thread sets the flag when it is done
        }
    }

    @Override
    public void put(String v) {
        awaitReplay();
        super.put(v);
    }

    @Override
    public String get() {
        awaitReplay();
        return super.get();
    }
}
