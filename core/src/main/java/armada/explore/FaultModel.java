package armada.explore;

import armada.sim.Durability;

/**
 * The fault model of a scenario, separate from the simulated devices: how many crashes one
 * execution may have (crashes during recovery count), how many disks may fail-stop, what a crash
 * keeps of unsynced writes, and how many distinct crash states one crash may expose before the
 * search counts as cut short.
 */
public record FaultModel(int maxCrashes, int maxDiskFailures, Durability durability, int crashStateBudget) {

    /** The default budget of distinct crash states per crash. */
    public static final int DEFAULT_CRASH_STATES = 256;

    public static final FaultModel NONE = new FaultModel(0, 0);

    public FaultModel {
        if (maxCrashes < 0 || maxDiskFailures < 0) {
            throw new IllegalArgumentException("fault bounds must not be negative");
        }
        if (crashStateBudget < 1) {
            throw new IllegalArgumentException("the crash-state budget must be at least 1");
        }
    }

    /** Crashes and disk failures under the paper's IMMEDIATE durability. */
    public FaultModel(int maxCrashes, int maxDiskFailures) {
        this(maxCrashes, maxDiskFailures, Durability.IMMEDIATE, DEFAULT_CRASH_STATES);
    }

    public static FaultModel crashes(int n) {
        return new FaultModel(n, 0);
    }

    public FaultModel withDiskFailures(int n) {
        return new FaultModel(maxCrashes, n, durability, crashStateBudget);
    }

    public FaultModel withCrashes(int n) {
        return new FaultModel(n, maxDiskFailures, durability, crashStateBudget);
    }

    public FaultModel withDurability(Durability d) {
        return new FaultModel(maxCrashes, maxDiskFailures, d, crashStateBudget);
    }

    public FaultModel withCrashStateBudget(int n) {
        return new FaultModel(maxCrashes, maxDiskFailures, durability, n);
    }

    public String describe() {
        String base = "crashes<=" + maxCrashes + ", disk-failures<=" + maxDiskFailures;
        if (durability == Durability.IMMEDIATE) {
            return base + ", durability=immediate";
        }
        return base + ", durability=" + durability.name().toLowerCase(java.util.Locale.ROOT)
                + ", crash-states<=" + crashStateBudget;
    }
}
