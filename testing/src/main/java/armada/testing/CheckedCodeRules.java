package armada.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * Code under check touches shared and durable state only through the World API (DESIGN.md
 * section 2, Goose): no java.io or java.nio.file, no threads, no java.util.concurrent, no
 * synchronized methods, no clocks, no mutable statics, and none of the checker's own packages.
 * Anything outside the World would be invisible to the simulator.
 */
public final class CheckedCodeRules {

    private CheckedCodeRules() {
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
