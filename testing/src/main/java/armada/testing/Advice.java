package armada.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import org.jspecify.annotations.Nullable;

/**
 * What checked code may not use, by the class it uses, and what to use instead: each entry's
 * text ends the message of a violation.
 */
final class Advice {

    static final String FILES = "files and directories are outside the World: use World.fileSystem()"
            + " (or World.disk(i) for blocks), which the checker crashes and the real World forces";
    static final String THREADS = "a thread the scheduler cannot see: use World.spawn(body)";
    static final String LOCKS = "a lock the scheduler cannot see: use World.newLock()";
    static final String ATOMICS = "an atomic the scheduler cannot see: use World.newAtomicCell(value)";
    static final String CONCURRENT = "shared state the race detector cannot see: keep it in World.newCell(value)"
            + " under a World.newLock()";
    static final String CLOCKS = "a clock differs between runs and the checker cannot explore it: pass the time in as"
            + " an operation's argument";
    static final String RANDOM = "randomness the checker cannot explore or replay: use World.random(bound)";
    static final String NETWORK = "the network is outside the World: check the storage the server calls, not the"
            + " server";
    static final String CHECKER = "checked code runs on the World API only; code that builds scenarios belongs in a"
            + " class named *Scenarios or a ScenarioSource, which these rules leave out";
    static final String MONITOR = "a Java monitor is a lock the scheduler cannot see: use World.newLock()";
    static final String STATIC = "a static survives the simulated crash and is shared without the race detector:"
            + " make it final and immutable, or keep the state in the implementation object or a World cell";

    private static final java.util.Set<String> RANDOM_CLASSES = java.util.Set.of("java.util.Random",
            "java.util.SplittableRandom", "java.security.SecureRandom", "java.util.concurrent.ThreadLocalRandom");

    private Advice() {
    }

    /** Why using {@code target} is not allowed, or null if it is. */
    static @Nullable String forTarget(JavaClass target) {
        String name = target.getName();
        String pkg = target.getPackageName();
        if (RANDOM_CLASSES.contains(name) || target.isAssignableTo("java.util.Random") || pkg.equals("java.util.random")) {
            return RANDOM;
        }
        if (name.equals("java.io.Serializable") || name.equals("java.io.Serial")) {
            return null;
        }
        if (pkg.startsWith("java.io") || pkg.startsWith("java.nio.file") || pkg.startsWith("java.nio.channels")) {
            return FILES;
        }
        if (target.isAssignableTo(Thread.class) || name.equals("java.lang.ThreadLocal")
                || name.equals("java.lang.InheritableThreadLocal")) {
            return THREADS;
        }
        if (pkg.equals("java.util.concurrent.locks")) {
            return LOCKS;
        }
        if (pkg.equals("java.util.concurrent.atomic")) {
            return ATOMICS;
        }
        if (pkg.equals("java.util.concurrent")) {
            return name.contains("Executor") || name.endsWith("Future") || name.contains("ForkJoin") ? THREADS
                    : CONCURRENT;
        }
        if (name.equals("java.time.Clock") || name.equals("java.time.InstantSource")) {
            return CLOCKS;
        }
        if (pkg.startsWith("java.net")) {
            return NETWORK;
        }
        if (pkg.startsWith("armada.sim") || pkg.startsWith("armada.explore") || pkg.startsWith("armada.check")) {
            return CHECKER;
        }
        return null;
    }

    /** Why calling {@code owner.method} is not allowed, or null if it is. */
    static @Nullable String forCall(String owner, String method) {
        return switch (owner + "." + method) {
            case "java.lang.System.currentTimeMillis", "java.lang.System.nanoTime" -> CLOCKS;
            case "java.lang.Math.random", "java.lang.StrictMath.random", "java.util.UUID.randomUUID" -> RANDOM;
            case "java.lang.Object.wait", "java.lang.Object.notify", "java.lang.Object.notifyAll" -> MONITOR;
            default -> owner.startsWith("java.time.") && method.equals("now") ? CLOCKS : null;
        };
    }
}
