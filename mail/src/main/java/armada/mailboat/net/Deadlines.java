package armada.mailboat.net;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One shared timer for session deadlines (a platform thread that only fires close actions). */
final class Deadlines {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mailboat-deadlines");
        t.setDaemon(true);
        return t;
    });

    private Deadlines() {
    }

    static ScheduledFuture<?> schedule(Duration after, Runnable action) {
        return TIMER.schedule(action, after.toMillis(), TimeUnit.MILLISECONDS);
    }
}
