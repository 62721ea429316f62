package armada.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real World's locks, cells, threads and randomness, on real (virtual) threads. */
class RealWorldThreadsTest {

    @TempDir
    Path dir;

    private RealWorld world;

    @BeforeEach
    void open() throws IOException {
        world = RealWorld.open(dir, 0, 1);
    }

    @AfterEach
    void close() throws IOException {
        world.close();
    }

    @Test
    void counterIncrementedUnderTheLock_isExact() {
        // The counter is a plain field: only mutual exclusion keeps 20,000 read-increment-write
        // steps from two threads from losing updates.
        Lock lock = world.newLock();
        int[] counter = {0};
        Runnable body = () -> {
            for (int i = 0; i < 10_000; i++) {
                lock.lock();
                counter[0]++;
                lock.unlock();
            }
        };
        Task a = world.spawn(body);
        Task b = world.spawn(body);
        a.join();
        b.join();

        assertThat(counter[0]).isEqualTo(20_000);
    }

    @Test
    void unlockingAFreeLock_throws() {
        // Unlocking a lock nobody holds is misuse, as in the simulated World.
        Lock lock = world.newLock();

        assertThatThrownBy(lock::unlock)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("unlocks lock#0, which is free");
    }

    @Test
    void unlockingAnotherThreadsLock_throws() {
        // Only the holder may unlock; the lock stays held by the main thread afterwards.
        Lock lock = world.newLock();
        lock.lock();
        world.spawn(() -> assertThatThrownBy(lock::unlock)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("thread s0 unlocks lock#0, which another thread holds")).join();

        lock.unlock();
    }

    @Test
    void lockingAHeldLockAgain_throwsAndKeepsItHeldOnce() {
        // The simulated lock is not reentrant, so the real one must not be either; one unlock
        // then frees it, so another thread can take it.
        Lock lock = world.newLock();
        lock.lock();

        assertThatThrownBy(lock::lock)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("locks lock#0, which it already holds; locks are not reentrant");
        lock.unlock();
        world.spawn(() -> {
            lock.lock();
            lock.unlock();
        }).join();
    }

    @Test
    void spawnThenJoin_runsTheBodyBeforeJoinReturns() {
        // join orders everything the thread did before what follows it.
        Cell<Integer> cell = world.newCell(0);
        Task t = world.spawn(() -> {
            for (int i = 1; i <= 100; i++) {
                cell.set(i);
            }
        });
        t.join();

        assertThat(cell.get()).isEqualTo(100);
        assertThat(t).hasToString("task s0");
    }

    @Test
    void bodyThatThrows_isRethrownByJoin() {
        // A thread's exception fails the whole execution under the checker; here join reports it.
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        Task t = world.spawn(() -> {
            throw boom;
        });

        assertThatThrownBy(t::join)
                .isInstanceOf(CompletionException.class)
                .hasMessageContaining("task s0 failed")
                .hasCause(boom);
    }

    @Test
    void interruptedJoin_throwsAndKeepsTheInterruptFlag() {
        // The waiting thread is interrupted before the body can end (it waits for a latch that
        // only this test releases), so join gives up, restoring the flag for the caller.
        CountDownLatch release = new CountDownLatch(1);
        Task t = world.spawn(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(t::join)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("interrupted while joining task s0")
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
            release.countDown();
        }
        t.join();
    }

    @Test
    void cell_holdsTheInitialValueThenTheLatest() {
        // A cell is a plain shared variable.
        Cell<String> cell = world.newCell("a");
        assertThat(cell.get()).isEqualTo("a");
        cell.set("b");
        assertThat(cell.get()).isEqualTo("b");
    }

    @Test
    void random_staysWithinTheBoundAndCoversIt() {
        // Uniform over [0, 3): 1,000 draws miss a value with probability about 3 * (2/3)^1000.
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            int v = world.random(3);
            assertThat(v).isBetween(0, 2);
            seen.add(v);
        }
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(world.random(1)).isZero();
    }

    @Test
    void randomBoundNotPositive_throws() {
        // Same contract as the simulated World: there is no value in an empty range.
        assertThatThrownBy(() -> world.random(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("random bound must be positive, not 0");
    }
}
