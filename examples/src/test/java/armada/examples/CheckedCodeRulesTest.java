package armada.examples;

import static org.assertj.core.api.Assertions.assertThat;

import armada.testing.CheckedCodeRules;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The examples' implementations obey the checked-code rules; scenario catalogues (classes
 * named {@code *Scenarios}) set up checks and are exempt.
 */
class CheckedCodeRulesTest {

    private static final JavaClasses CHECKED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("armada.examples")
            .that(DescribedPredicate.not(JavaClass.Predicates.simpleNameEndingWith("Scenarios")));

    private static final JavaClasses BAD = new ClassFileImporter().importClasses(BadCheckedCode.class);

    @Test
    void examples_obeyEveryRule() {
        // Anything outside the World would be invisible to the simulator.
        for (ArchRule rule : CheckedCodeRules.ALL) {
            rule.check(CHECKED);
        }
    }

    @Test
    void badFixture_breaksEveryRule() {
        // The rules must catch a class that does each forbidden thing.
        for (ArchRule rule : CheckedCodeRules.ALL) {
            assertThat(rule.evaluate(BAD).hasViolation()).as(rule.getDescription()).isTrue();
        }
    }
}
