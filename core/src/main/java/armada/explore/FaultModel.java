package armada.explore;

/**
 * The fault model of a scenario, separate from the simulated devices: how many crashes one
 * execution may have (crashes during recovery count), and how many disks may fail-stop.
 */
public record FaultModel(int maxCrashes, int maxDiskFailures) {

    public static final FaultModel NONE = new FaultModel(0, 0);

    public FaultModel {
        if (maxCrashes < 0 || maxDiskFailures < 0) {
            throw new IllegalArgumentException("fault bounds must not be negative");
        }
    }

    public static FaultModel crashes(int n) {
        return new FaultModel(n, 0);
    }

    public FaultModel withDiskFailures(int n) {
        return new FaultModel(maxCrashes, n);
    }

    public FaultModel withCrashes(int n) {
        return new FaultModel(n, maxDiskFailures);
    }

    public String describe() {
        return "crashes<=" + maxCrashes + ", disk-failures<=" + maxDiskFailures;
    }
}
