package armada.mailboat.bench;

import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.mailboat.StoredMessage;
import armada.mailboat.UserLocks;
import armada.mailboat.filelock.FileUserLocks;
import armada.mailboat.store.Mailboxes;
import armada.world.RealWorld;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The experiment of both papers (CSPEC 8.1, Armada 7.3.4): an equal mix of deliveries and
 * pickups-then-deletes, each for one of {@code users} users chosen uniformly at random, a
 * fixed total of requests split over {@code threads} threads, the library called directly (no
 * network). Every delivery fsyncs its message and its directory, as in production.
 *
 * @param fileLocks CMAIL's per-user file locks instead of Mailboat's in-memory ones
 */
public record MailBench(Path data, int users, int threads, int requests, boolean fileLocks, long seed) {

    /** One run's figures. */
    public record Result(int threads, boolean fileLocks, int requests, double seconds, long delivered,
            long pickedUp) {
        public double requestsPerSecond() {
            return requests / seconds;
        }
    }

    public Result run() throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            names.add("user" + u);
        }
        for (String u : names) {
            for (String d : List.of("tmp", "new", "cur")) {
                Files.createDirectories(data.resolve(u).resolve(d));
            }
        }
        try (RealWorld world = RealWorld.open(data, 0, 1, Mailboxes.maildirs(names))) {
            UserLocks locks = fileLocks ? new FileUserLocks(data)
                    : new armada.mailboat.MemoryUserLocks(world, Mailboat.usersOf(world.fileSystem()));
            Mailboat mail = Mailboat.open(world, MailboatConfig.DEFAULT, locks);
            mail.recover();
            byte[] message = ("From: bench@localhost\r\nTo: someone@localhost\r\nSubject: benchmark\r\n\r\n"
                    + "x".repeat(900) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            AtomicLong delivered = new AtomicLong();
            AtomicLong picked = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int share = requests / threads + (t < requests % threads ? 1 : 0);
                SplittableRandom random = new SplittableRandom(seed * 1_000_003 + t);
                workers.add(Thread.ofPlatform().name("bench-" + t).start(() -> {
                    for (int i = 0; i < share; i++) {
                        String user = names.get(random.nextInt(names.size()));
                        if (random.nextBoolean()) {
                            mail.deliver(user, message);
                            delivered.incrementAndGet();
                        } else {
                            List<StoredMessage> box = mail.pickup(user);
                            for (StoredMessage m : box) {
                                mail.delete(user, m.id());
                            }
                            mail.unlock(user);
                            picked.addAndGet(box.size());
                        }
                    }
                }));
            }
            for (Thread w : workers) {
                w.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(threads, fileLocks, requests, seconds, delivered.get(), picked.get());
        }
    }
}
