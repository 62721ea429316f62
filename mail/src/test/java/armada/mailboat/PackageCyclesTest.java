package armada.mailboat;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The mail packages form layers, no cycles: io and log at the bottom, then net (listeners) and
 * users, config and store, then the protocols (smtp, pop3) which know nothing of server, then
 * server and cli on top. (The server, SMTP and POP3 packages used to import one another.)
 */
class PackageCyclesTest {

    private static final JavaClasses MAIL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("armada.mailboat");

    @Test
    void mailPackages_areFreeOfCycles() {
        // A cycle would let a protocol reach into the server's lifecycle, or the plumbing into a protocol.
        slices().matching("armada.mailboat.(*)..").should().beFreeOfCycles().check(MAIL);
    }
}
