package armada.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Code under check touches shared and durable state only through the World API (DESIGN.md
 * section 2, Goose): no java.io or java.nio.file, no threads, no java.util.concurrent, no
 * synchronized methods, no clocks, no mutable statics. Scenario catalogues (classes named
 * {@code *Scenarios}) set up checks and may use the explorer; implementations may not.
 */
class CheckedCodeRulesTest {

    private static final JavaClasses CHECKED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("armada.examples")
            .that(com.tngtech.archunit.base.DescribedPredicate.not(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith("Scenarios")));

    private static final JavaClasses BAD = new ClassFileImporter().importClasses(BadCheckedCode.class);

    private static final ArchRule NO_IO_THREADS_CLOCKS = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "java.io..", "java.nio.file..", "java.nio.channels..", "java.util.concurrent..",
                        "java.time..", "java.net..", "armada.sim..", "armada.explore..", "armada.check..")
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .because("code under check reaches shared and durable state only through the World API");

    private static final ArchRule NO_SYNCHRONIZED = methods().should().notHaveModifier(JavaModifier.SYNCHRONIZED)
            .because("a Java monitor is a lock the scheduler cannot see; use World.newLock()");

    private static final ArchRule NO_MUTABLE_STATICS = fields().that().areStatic().should().beFinal()
            .allowEmptyShould(true)
            .because("a static survives the simulated crash and is shared without the race detector");

    @Test
    void checkedCode_usesNoIoThreadsOrClocks() {
        // Anything outside the World would be invisible to the simulator, so it is forbidden.
        NO_IO_THREADS_CLOCKS.check(CHECKED);
    }

    @Test
    void checkedCode_hasNoSynchronizedMethods() {
        // The shipped implementations synchronise with World locks only.
        NO_SYNCHRONIZED.check(CHECKED);
    }

    @Test
    void checkedCode_hasNoMutableStatics() {
        // The shipped implementations keep all state in World objects or final fields.
        NO_MUTABLE_STATICS.check(CHECKED);
    }

    @Test
    void badFixture_breaksEveryRule() {
        // The rules must catch a class that does each forbidden thing.
        org.assertj.core.api.Assertions.assertThat(NO_IO_THREADS_CLOCKS.evaluate(BAD).hasViolation()).isTrue();
        org.assertj.core.api.Assertions.assertThat(NO_SYNCHRONIZED.evaluate(BAD).hasViolation()).isTrue();
        org.assertj.core.api.Assertions.assertThat(NO_MUTABLE_STATICS.evaluate(BAD).hasViolation()).isTrue();
    }
}
