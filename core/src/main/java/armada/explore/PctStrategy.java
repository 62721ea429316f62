package armada.explore;

import armada.sim.Choice;
import armada.sim.ExecutionRecord;
import armada.sim.Scheduler;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): each execution gives the
 * threads random distinct priorities and picks {@code depth - 1} random change points; the
 * highest-priority enabled thread runs, and at a change point the running thread drops to the
 * lowest priority. A bug of depth d is found with probability at least 1/(n k^(d-1)) per run.
 * Random values and faults are chosen as by {@link RandomStrategy}.
 */
final class PctStrategy implements Strategy {

    private static final int MAX_SLOTS = 256;

    private final SplittableRandom random;
    private final int depth;
    private final int[] priority = new int[MAX_SLOTS];
    private final int[] changePoints;
    private double averageSteps = 8;
    private int maxChoices = 8;
    private int choices;
    private int lowest;

    PctStrategy(long seed, int depth) {
        this.random = new SplittableRandom(seed);
        this.depth = Math.max(1, depth);
        this.changePoints = new int[this.depth - 1];
    }

    @Override
    public @Nullable Scheduler next() {
        for (int i = 0; i < MAX_SLOTS; i++) {
            priority[i] = depth + random.nextInt(1 << 20);
        }
        for (int i = 0; i < changePoints.length; i++) {
            changePoints[i] = 1 + random.nextInt(Math.max(1, maxChoices));
        }
        choices = 0;
        lowest = depth;
        return this::choose;
    }

    @Override
    public boolean exhaustive() {
        return false;
    }

    @Override
    public void finished(ExecutionRecord record) {
        averageSteps = 0.95 * averageSteps + 0.05 * Math.max(1, record.steps());
        maxChoices = Math.max(maxChoices, record.decisions().length);
    }

    private int choose(Choice c) {
        choices++;
        for (int cp : changePoints) {
            if (cp == choices && c.current() >= 0) {
                priority[c.current()] = --lowest;
            }
        }
        int best = -1;
        for (int i = 0; i < c.size(); i++) {
            long code = c.code(i);
            if (Choice.kind(code) == Choice.THREAD
                    && (best < 0 || priority[Choice.target(code)] > priority[Choice.target(c.code(best))])) {
                best = i;
            }
        }
        if (best >= 0 && Choice.value(c.code(best)) != 0) {
            int slot = Choice.target(c.code(best));
            int variants = 0;
            for (int i = 0; i < c.size(); i++) {
                if (Choice.kind(c.code(i)) == Choice.THREAD && Choice.target(c.code(i)) == slot) {
                    variants++;
                }
            }
            best += random.nextInt(variants);
        }
        return RandomStrategy.pick(c, random, averageSteps, best);
    }
}
