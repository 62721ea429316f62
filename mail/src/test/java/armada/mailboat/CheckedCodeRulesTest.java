package armada.mailboat;

import armada.testing.CheckedCodeRules;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The mail library (and its broken variants) use only the World API, so what the checker
 * explores is what the servers run. Scenario catalogues ({@code *Scenarios}) are exempt.
 */
class CheckedCodeRulesTest {

    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("armada.mailboat")
            .that(JavaClass.Predicates.resideInAnyPackage("armada.mailboat", "armada.mailboat.spec",
                    "armada.mailboat.check"))
            .that(DescribedPredicate.not(JavaClass.Predicates.simpleNameEndingWith("Scenarios")));

    @Test
    void mailLibrary_usesOnlyTheWorldApi() {
        // The same code ships and is checked.
        for (ArchRule rule : CheckedCodeRules.ALL) {
            rule.check(LIBRARY);
        }
    }
}
