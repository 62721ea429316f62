package armada.explore;

import armada.sim.Choice;
import armada.sim.ExecutionRecord;
import armada.sim.Scheduler;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Random walks: at each point a uniformly random thread option; a crash or disk failure with a
 * probability that puts about one of each into an execution of average length. Finding nothing
 * proves nothing, so this strategy never covers the space.
 */
final class RandomStrategy implements Strategy {

    private final SplittableRandom random;
    private double averageSteps = 8;

    RandomStrategy(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public @Nullable Scheduler next() {
        return this::choose;
    }

    @Override
    public boolean exhaustive() {
        return false;
    }

    @Override
    public void finished(ExecutionRecord record) {
        averageSteps = 0.95 * averageSteps + 0.05 * Math.max(1, record.steps());
    }

    private int choose(Choice c) {
        return pick(c, random, averageSteps, -1);
    }

    /**
     * Picks a fault option with probability about 1/averageSteps each, else {@code preferred}
     * if it is a thread option index, else a uniform thread option.
     */
    static int pick(Choice c, SplittableRandom random, double averageSteps, int preferred) {
        int threads = 0;
        for (int i = 0; i < c.size(); i++) {
            if (Choice.kind(c.code(i)) == Choice.THREAD) {
                threads++;
            }
        }
        int faults = c.size() - threads;
        if (threads == 0) {
            return random.nextInt(c.size());
        }
        if (faults > 0 && random.nextDouble() * averageSteps < 1.0) {
            int f = random.nextInt(faults);
            for (int i = 0; i < c.size(); i++) {
                if (Choice.kind(c.code(i)) != Choice.THREAD && f-- == 0) {
                    return i;
                }
            }
        }
        if (preferred >= 0) {
            return preferred;
        }
        int t = random.nextInt(threads);
        for (int i = 0; i < c.size(); i++) {
            if (Choice.kind(c.code(i)) == Choice.THREAD && t-- == 0) {
                return i;
            }
        }
        throw new IllegalStateException("no thread option");
    }
}
