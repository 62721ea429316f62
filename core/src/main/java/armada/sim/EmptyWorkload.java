package armada.sim;

import armada.spec.Op;
import armada.world.World;
import java.util.List;

/** The workload of a machine that has not run anything yet. */
enum EmptyWorkload implements Workload {
    INSTANCE;

    @Override
    public int diskCount() {
        return 0;
    }

    @Override
    public int diskSize() {
        return 0;
    }

    @Override
    public Object boot(World world) {
        return this;
    }

    @Override
    public Object recover(World world) {
        return this;
    }

    @Override
    public Object apply(Object impl, Op<?> op) {
        throw new IllegalStateException("no workload");
    }

    @Override
    public List<List<Op<?>>> clients() {
        return List.of();
    }

    @Override
    public List<Op<?>> after() {
        return List.of();
    }

    @Override
    public int maxCrashes() {
        return 0;
    }

    @Override
    public int maxDiskFailures() {
        return 0;
    }

    @Override
    public int maxSteps() {
        return 0;
    }
}
