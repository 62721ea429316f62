package armada.sim;

import armada.world.Durability;
import armada.world.CrashInvariant;

import armada.spec.Op;
import armada.world.World;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one execution runs: the implementation's boot and recovery, how an operation is applied
 * to it, the client threads' operations and the operations run after the clients (and after
 * every recovery), over a World of disks, within crash and failure budgets.
 */
public interface Workload {

    int diskCount();

    int diskSize();

    /** Builds the implementation on a fresh World, before any client runs. Not crash-tested. */
    Object boot(World world);

    /** Builds the implementation after a crash, repairing durable state. Crash-tested. */
    Object recover(World world);

    /** Runs {@code op} on {@code impl} and returns its result. */
    Object apply(Object impl, Op<?> op);

    /** One list of operations per client thread. */
    List<List<Op<?>>> clients();

    /** Operations run in order by one thread after the clients, and again after every recovery. */
    List<Op<?>> after();

    /** Crashes allowed in one execution (also during recovery). */
    int maxCrashes();

    /** Disks that may fail-stop in one execution. */
    int maxDiskFailures();

    /** What a crash keeps of unsynced writes. */
    default Durability durability() {
        return Durability.IMMEDIATE;
    }

    /**
     * The sector size at which unsynced writes may tear (survive a crash in part), or 0 if they
     * never do.
     */
    default int tornSector() {
        return 0;
    }

    /**
     * Whether a crash may leave a file's unsynced data undecided until something reads it (lazy
     * crash states, REORDERED only; see {@code FsCrashStates}), instead of offering every way it
     * may have survived at the crash.
     */
    default boolean lazyCrashStates() {
        return false;
    }

    /** Distinct crash states offered at one crash; more are cut (and the search is not complete). */
    default int crashStateBudget() {
        return 256;
    }

    /** The file system's directories (none: no file system). */
    default List<String> directories() {
        return List.of();
    }

    /** Steps allowed in one execution. */
    int maxSteps();

    /** A predicate over the durable state checked wherever a crash could happen, or null. */
    default @Nullable CrashInvariant crashInvariant() {
        return null;
    }
}
