package armada.mailboat;

import armada.testing.CheckedCodeRules;
import org.junit.jupiter.api.Test;

/**
 * The mail library (and its broken variants) use only the World API, so what the checker
 * explores is what the servers run. The servers and tools around it are not checked code.
 */
class CheckedCodeRulesTest {

    @Test
    void mailLibrary_usesOnlyTheWorldApi() {
        // The same code ships and is checked; a new package is checked unless it is named here.
        CheckedCodeRules.forPackage("armada.mailboat")
                .exceptPackages("armada.mailboat.bench", "armada.mailboat.cli", "armada.mailboat.config",
                        "armada.mailboat.filelock", "armada.mailboat.io", "armada.mailboat.linux", "armada.mailboat.log",
                        "armada.mailboat.net",
                        "armada.mailboat.pop3", "armada.mailboat.server", "armada.mailboat.smtp",
                        "armada.mailboat.store", "armada.mailboat.torture", "armada.mailboat.users")
                .check();
    }
}
