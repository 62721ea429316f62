package armada.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * Code under check touches shared and durable state only through the World API (DESIGN.md
 * section 2, Goose): no java.io, java.nio.file or file channels, no threads, executors, locks or
 * atomics of java.util.concurrent, no synchronized methods or blocks, no clocks, no
 * {@code Math.random} or {@code new Random}, no mutable statics, and none of the checker's own
 * packages. Anything outside the World would be invisible to the simulator.
 *
 * <p>In one line, in any test:
 *
 * <pre>{@code
 * CheckedCodeRules.forPackage("com.example.store").check();
 * }</pre>
 *
 * <p>The ArchUnit rules below are the older, coarser form (they cannot see synchronized blocks,
 * and leave the choice of classes to the caller).
 */
public final class CheckedCodeRules {

    private CheckedCodeRules() {
    }

    /**
     * The checked code in {@code pkg} and its subpackages: every class but test classes and
     * scenario classes ({@code ScenarioSource} implementations, classes named {@code *Scenario} or
     * {@code *Scenarios}). {@link CheckedCode#check()} fails with one line per violation.
     */
    public static CheckedCode forPackage(String pkg) {
        return new CheckedCode(pkg, List.of(), false);
    }

    public static final ArchRule WORLD_API_ONLY = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                    "java.io..", "java.nio.file..", "java.nio.channels..", "java.util.concurrent..",
                    "java.time..", "java.net..", "armada.sim..", "armada.explore..", "armada.check..")
            .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .because("code under check reaches shared and durable state only through the World API");

    public static final ArchRule NO_SYNCHRONIZED = methods().should().notHaveModifier(JavaModifier.SYNCHRONIZED)
            .allowEmptyShould(true)
            .because("a Java monitor is a lock the scheduler cannot see; use World.newLock()");

    public static final ArchRule NO_MUTABLE_STATICS = fields().that().areStatic().should().beFinal()
            .allowEmptyShould(true)
            .because("a static survives the simulated crash and is shared without the race detector");

    /** All three rules. */
    public static final List<ArchRule> ALL = List.of(WORLD_API_ONLY, NO_SYNCHRONIZED, NO_MUTABLE_STATICS);
}
