package armada.mailboat.filelock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileUserLocksTest {

    @TempDir
    Path root;

    @Test
    void twoThreadsIncrementingUnderTheLock_noLostUpdate() throws Exception {
        // The lock excludes threads of one process (and, through the file lock, other processes).
        Files.createDirectories(root.resolve("alice"));
        FileUserLocks locks = new FileUserLocks(root);
        int[] counter = {0};
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 500; i++) {
                    locks.lock("alice");
                    counter[0]++;
                    locks.unlock("alice");
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(counter[0]).isEqualTo(1000);
        assertThat(root.resolve("alice/lock")).exists();
    }

    @Test
    void misuse_clearErrors() throws Exception {
        // Unlocking what one does not hold, relocking, and hostile names are caller bugs.
        Files.createDirectories(root.resolve("bob"));
        FileUserLocks locks = new FileUserLocks(root);
        assertThatThrownBy(() -> locks.unlock("bob")).isInstanceOf(IllegalStateException.class);
        locks.lock("bob");
        assertThatThrownBy(() -> locks.lock("bob")).isInstanceOf(IllegalStateException.class);
        locks.unlock("bob");
        assertThatThrownBy(() -> locks.lock("../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
