package armada.mailboat.bench;

import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.mailboat.MemoryUserLocks;
import armada.mailboat.StoredMessage;
import armada.mailboat.UserLocks;
import armada.mailboat.filelock.FileUserLocks;
import armada.mailboat.linux.LinuxFileSystem;
import armada.mailboat.store.Mailboxes;
import armada.mailboat.store.WorldWithFileSystem;
import armada.world.FileSystem;
import armada.world.RealWorld;
import armada.world.World;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One run of the papers' experiment (Armada 7.3.4, CSPEC 8.3), iteration for iteration as the Go
 * Mailboat's benchmark does it: each of {@code threads} threads runs {@code iterations} times
 * "deliver one message to a random user, then pick up a random user's mailbox, delete every
 * message returned, unlock", with users drawn uniformly from {@code users}. The library is
 * called directly (no network) on the real file system, each delivery fsyncing its message and
 * {@code new/}, each delete fsyncing the directory, unless the configuration turns fsync off.
 */
public final class MailBench {

    private static final byte[] TEXT = "Hello world.".getBytes(StandardCharsets.US_ASCII);

    private MailBench() {
    }

    /** The message every delivery stores: "Hello world." (the Go benchmark's), repeated or cut to {@code bytes}. */
    public static byte[] message(int bytes) {
        byte[] m = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            m[i] = TEXT[i % TEXT.length];
        }
        return m;
    }

    /**
     * Runs {@code config} in {@code data}, a fresh directory (the Maildirs are made there first,
     * outside the timed part), and returns what was measured.
     */
    public static BenchResult run(Path data, BenchConfig config, int round, long seed)
            throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (int u = 0; u < config.users(); u++) {
            names.add("user" + u);
        }
        for (String u : names) {
            for (String d : List.of("tmp", "new", "cur")) {
                Files.createDirectories(data.resolve(u).resolve(d));
            }
        }
        List<String> dirs = Mailboxes.maildirs(names);
        try (RealWorld real = RealWorld.open(data, 0, 1, dirs);
                LinuxFileSystem linux = config.fs() == FsKind.LINUX ? LinuxFileSystem.open(data, dirs).orElseThrow(
                        () -> new IllegalStateException("the Linux file system is not available here")) : null) {
            FileSystem fs = linux != null ? linux : real.fileSystem();
            World world = new WorldWithFileSystem(real, config.fsync() ? fs : new NoFsyncFileSystem(fs));
            UserLocks locks = config.locks() == LockKind.FILE ? new FileUserLocks(data)
                    : new MemoryUserLocks(world, Mailboat.usersOf(world.fileSystem()));
            Mailboat mail = Mailboat.open(world, MailboatConfig.DEFAULT, locks);
            mail.recover();
            return measure(mail, names, config, round, seed);
        }
    }

    private static BenchResult measure(Mailboat mail, List<String> names, BenchConfig config, int round, long seed)
            throws InterruptedException {
        byte[] message = message(config.messageBytes());
        int threads = config.threads();
        long[] delivered = new long[threads];
        long[] picked = new long[threads];
        long[] cpu = new long[threads];
        long[] userCpu = new long[threads];
        long[] allocated = new long[threads];
        com.sun.management.ThreadMXBean clock = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + t);
            workers.add(Thread.ofPlatform().name("bench-" + t).start(() -> {
                try {
                    go.await();
                    long cpu0 = clock.getCurrentThreadCpuTime();
                    long user0 = clock.getCurrentThreadUserTime();
                    long allocated0 = clock.getCurrentThreadAllocatedBytes();
                    long d = 0;
                    long p = 0;
                    for (int i = 0; i < config.iterations(); i++) {
                        mail.deliver(names.get(random.nextInt(names.size())), message);
                        d++;
                        String user = names.get(random.nextInt(names.size()));
                        List<StoredMessage> box = mail.pickup(user);
                        for (StoredMessage m : box) {
                            mail.delete(user, m.id());
                        }
                        mail.unlock(user);
                        p += box.size();
                    }
                    cpu[id] = clock.getCurrentThreadCpuTime() - cpu0;
                    userCpu[id] = clock.getCurrentThreadUserTime() - user0;
                    allocated[id] = clock.getCurrentThreadAllocatedBytes() - allocated0;
                    delivered[id] = d;
                    picked[id] = p;
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Throwable f = failure.get();
        if (f != null) {
            throw new IllegalStateException("a benchmark thread failed: " + f, f);
        }
        long d = 0;
        long p = 0;
        long cpuNanos = 0;
        long userNanos = 0;
        long bytes = 0;
        for (int t = 0; t < threads; t++) {
            d += delivered[t];
            p += picked[t];
            cpuNanos += cpu[t];
            userNanos += userCpu[t];
            bytes += allocated[t];
        }
        return new BenchResult(BenchResult.OURS, round, threads, config.iterations(), seconds, config.fsync(),
                config.locks().label(), config.fs().label(), config.messageBytes(), d, p, cpuNanos / 1e9,
                userNanos / 1e9, bytes);
    }
}
