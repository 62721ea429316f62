package armada.mailboat.pop3;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the dialogue tests: a plain POP3 server on a fresh data directory for each test. */
abstract class Pop3SessionTest {

    @TempDir
    Path root;

    Pop3Harness pop;

    @BeforeEach
    void start() throws IOException {
        pop = Pop3Harness.start(root);
    }

    @AfterEach
    void stop() throws IOException {
        pop.close();
    }
}
