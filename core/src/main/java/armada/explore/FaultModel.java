package armada.explore;

import armada.world.Durability;
import java.util.Locale;

/**
 * The fault model of a scenario, separate from the simulated devices: how many crashes one
 * execution may have (crashes during recovery count), how many disks may fail-stop, what a crash
 * keeps of unsynced writes, whether unsynced writes may tear (survive in part, cut at a sector
 * boundary), and how many distinct crash states one crash may expose before the search counts as
 * cut short.
 *
 * <p>The default is the harshest model: {@link Durability#REORDERED} with writes that tear at
 * {@value #DEFAULT_SECTOR}-byte sectors, so that a missing fsync or barrier, or a recovery that
 * trusts a half-written record, is found without asking. The Armada paper's model, where every
 * write is durable and whole when it returns, is {@code withDurability(Durability.IMMEDIATE)}.
 *
 * @param tornSector the sector size at which unsynced writes may tear, or 0 if they survive a
 *     crash whole or not at all
 */
public record FaultModel(int maxCrashes, int maxDiskFailures, Durability durability, int crashStateBudget,
        int tornSector) {

    /** The default budget of distinct crash states per crash. */
    public static final int DEFAULT_CRASH_STATES = 256;

    /** The default sector size for torn writes, as on most disks. */
    public static final int DEFAULT_SECTOR = 512;

    /** No crash and no disk failure. */
    public static final FaultModel NONE = new FaultModel(0, 0);

    public FaultModel {
        if (maxCrashes < 0 || maxDiskFailures < 0) {
            throw new IllegalArgumentException("fault bounds must not be negative");
        }
        if (crashStateBudget < 1) {
            throw new IllegalArgumentException("the crash-state budget must be at least 1");
        }
        if (tornSector < 0) {
            throw new IllegalArgumentException("the sector size must not be negative (0: writes do not tear)");
        }
    }

    /** Crashes and disk failures under the default, harshest durability: REORDERED with torn writes. */
    public FaultModel(int maxCrashes, int maxDiskFailures) {
        this(maxCrashes, maxDiskFailures, Durability.REORDERED, DEFAULT_CRASH_STATES, DEFAULT_SECTOR);
    }

    /** Up to {@code n} crashes per execution, under the default durability (REORDERED, torn writes). */
    public static FaultModel crashes(int n) {
        return new FaultModel(n, 0);
    }

    public FaultModel withDiskFailures(int n) {
        return new FaultModel(maxCrashes, n, durability, crashStateBudget, tornSector);
    }

    public FaultModel withCrashes(int n) {
        return new FaultModel(n, maxDiskFailures, durability, crashStateBudget, tornSector);
    }

    /** Another durability model; torn writes stay as they are (IMMEDIATE writes never tear). */
    public FaultModel withDurability(Durability d) {
        return new FaultModel(maxCrashes, maxDiskFailures, d, crashStateBudget, tornSector);
    }

    public FaultModel withCrashStateBudget(int n) {
        return new FaultModel(maxCrashes, maxDiskFailures, durability, n, tornSector);
    }

    /**
     * Unsynced writes may tear at {@code sector}-byte boundaries (a small sector makes short
     * records tear in a small scenario); 0 means they never tear.
     */
    public FaultModel withTornWrites(int sector) {
        return new FaultModel(maxCrashes, maxDiskFailures, durability, crashStateBudget, sector);
    }

    /** Unsynced writes survive a crash whole or not at all (for example a device with atomic sector writes). */
    public FaultModel withoutTornWrites() {
        return withTornWrites(0);
    }

    public String describe() {
        String base = "crashes<=" + maxCrashes + ", disk-failures<=" + maxDiskFailures;
        if (durability == Durability.IMMEDIATE) {
            return base + ", durability=immediate";
        }
        return base + ", durability=" + durability.name().toLowerCase(Locale.ROOT)
                + ", torn-writes=" + (tornSector == 0 ? "no" : tornSector + "B")
                + ", crash-states<=" + crashStateBudget;
    }
}
