package armada.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import armada.mailboat.linux.LinuxFileSystem;
import armada.sim.SimFileSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model ≡ reality for the mail server's Linux file system, as core's
 * {@code FileSystemConformanceTest} is for the NIO one (it lives in this package to draw the same
 * calls with core's {@link FsCallGenerator}): random sequences of calls run against the model and
 * {@link LinuxFileSystem}, which must return the same (value, or exception class and message) and
 * show the same directories and contents after every call. A difference is shrunk and printed
 * with its seed ({@code -Darmada.conformance.seed=<seed>} replays it).
 */
class LinuxFileSystemConformanceTest {

    private static final int TRIES = 200;
    private static final int LENGTH = 40;
    private static final long BASE_SEED = 0xA5_0000L;
    private static final int MAX_REPLAYS = 3000;

    @TempDir
    Path tmp;

    private int roots;

    @BeforeAll
    static void linuxOnly() {
        // This test is about the Linux file system; elsewhere the server uses the NIO one.
        assumeTrue(System.getProperty("os.name").equals("Linux"), "not Linux");
        assertThat(LinuxFileSystem.available()).as("the Linux file system binds on Linux").isTrue();
    }

    @Test
    void randomSequences_behaveTheSameOnModelAndLinuxFileSystem() throws IOException {
        // The model is what the checker explores; this file system is what the server runs on.
        Long only = Long.getLong("armada.conformance.seed");
        int tries = only == null ? Integer.getInteger("armada.conformance.tries", TRIES) : 1;
        for (int t = 0; t < tries; t++) {
            long seed = only == null ? BASE_SEED + t : only;
            FsCallGenerator generator = new FsCallGenerator(seed);
            List<FsCall> calls = new ArrayList<>();
            try (Run run = new Run()) {
                for (int i = 0; i < LENGTH; i++) {
                    FsCall call = generator.next(run.model, run.modelFds);
                    calls.add(call);
                    if (run.step(call) != null) {
                        throw new AssertionError(report(seed, calls));
                    }
                }
            }
        }
    }

    @Test
    void knownSequences_behaveTheSame() throws IOException {
        // What the random draw reaches rarely: a descriptor kept across an unlink and a rename
        // over its name, reads far past the end and of a file bigger than the first read's
        // buffer, a double close, misuse of a closed descriptor, links onto existing names.
        byte[] big = new byte[70_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        List<FsCall> calls = List.of(
                new FsCall.Create("d0", "a"),
                new FsCall.Append(0, new byte[] {1, 2, 3}),
                new FsCall.Open("d0", "a"),
                new FsCall.Create("d1", "b"),
                new FsCall.Append(2, new byte[] {9}),
                new FsCall.Rename("d1", "b", "d0", "a"),
                new FsCall.Read(1, 0, 10),
                new FsCall.Unlink("d0", "a"),
                new FsCall.Append(0, new byte[] {4}),
                new FsCall.Read(1, 1, Integer.MAX_VALUE),
                new FsCall.Read(1, Long.MAX_VALUE, 1),
                new FsCall.Read(1, Long.MAX_VALUE - 1, Integer.MAX_VALUE),
                new FsCall.Close(1),
                new FsCall.Close(1),
                new FsCall.Size(1),
                new FsCall.Read(0, 0, 1),
                new FsCall.Append(2, new byte[0]),
                new FsCall.Create("d1", "big"),
                new FsCall.Append(3, big),
                new FsCall.Append(3, big),
                new FsCall.Open("d1", "big"),
                new FsCall.Read(4, 0, Integer.MAX_VALUE),
                new FsCall.Read(4, 16_383, 16_386),
                new FsCall.Read(4, 100_000, 60_000),
                new FsCall.Read(4, 139_999, 5),
                new FsCall.Size(4),
                new FsCall.Link("d1", "big", "d0", "big"),
                new FsCall.Link("d1", "big", "d0", "big"),
                new FsCall.Link("d1", "gone", "d0", "big"),
                new FsCall.Fsync(3),
                new FsCall.FsyncDir("d1"),
                new FsCall.ListDir("d1"),
                new FsCall.ListDir("d0"));
        try (Run run = new Run()) {
            for (FsCall call : calls) {
                String difference = run.step(call);
                assertThat(difference).as("transcript:\n" + String.join("\n", run.transcript)).isNull();
            }
        }
    }

    @Test
    void manyEntries_listAsTheModelDoes() throws IOException {
        // More names than one getdents64 buffer holds: the listing goes on until the end.
        try (Run run = new Run()) {
            for (int i = 0; i < 1500; i++) {
                String name = "message-with-a-long-name-" + i + "-" + "x".repeat(i % 40);
                for (FileSystem fs : List.of(run.model, run.real)) {
                    fs.close(fs.create("d0", name).orElseThrow());
                }
            }
            assertThat(run.step(new FsCall.ListDir("d0"))).isNull();
            assertThat(run.transcript.getLast()).contains("message-with-a-long-name-1499-");
        }
    }

    @Test
    void closedFileSystem_refusesEveryCall() throws IOException {
        // As the NIO one: after close, every call throws IllegalStateException, and descriptors are closed.
        LinuxFileSystem fs = LinuxFileSystem.open(tmp.resolve("closed"), FsCallGenerator.DIRS).orElseThrow();
        Fd fd = fs.create("d0", "a").orElseThrow();
        fs.list("d1");
        fs.close();
        for (Runnable call : List.<Runnable>of(() -> fs.create("d0", "b"), () -> fs.open("d0", "a"),
                () -> fs.list("d1"), () -> fs.fsyncDir("d0"), () -> fs.unlink("d0", "a"), () -> fs.append(fd, new byte[1]))) {
            try {
                call.run();
                throw new AssertionError("a call on a closed file system returned");
            } catch (IllegalStateException e) {
                assertThat(e.getMessage()).endsWith("is closed");
            }
        }
    }

    @Test
    void directoriesAtRunTime_behaveTheSame() throws IOException {
        runKnown(KnownSequences.directoriesAtRunTime());
    }

    @Test
    void positionalWritesAndTruncation_behaveTheSame() throws IOException {
        runKnown(KnownSequences.positionalWritesAndTruncation());
    }

    /** Runs a known sequence on both backends: no difference, and the transcript holds what it must. */
    private void runKnown(KnownSequences.Sequence sequence) throws IOException {
        try (Run run = new Run()) {
            for (FsCall call : sequence.calls()) {
                String difference = run.step(call);
                assertThat(difference).as("transcript:\n" + String.join("\n", run.transcript)).isNull();
            }
            assertThat(String.join("\n", run.transcript)).contains(sequence.transcriptHolds());
        }
    }

    // ------------------------------------------------------------------ running and shrinking

    private String report(long seed, List<FsCall> calls) throws IOException {
        List<FsCall> shrunk = new ArrayList<>(calls);
        int replays = 0;
        boolean progress = true;
        while (progress && replays < MAX_REPLAYS) {
            progress = false;
            for (int i = shrunk.size() - 1; i >= 0 && replays < MAX_REPLAYS; i--) {
                List<FsCall> candidate = new ArrayList<>(shrunk);
                candidate.remove(i);
                replays++;
                if (replay(candidate).difference() != null) {
                    shrunk = candidate;
                    progress = true;
                }
            }
        }
        Replay minimal = replay(shrunk);
        return "model and Linux file system differ (seed " + seed + ": -Darmada.conformance.seed=" + seed + ")\n"
                + "shrunk from " + calls.size() + " to " + shrunk.size() + " calls:\n  "
                + String.join("\n  ", minimal.transcript()) + "\n" + minimal.difference();
    }

    private record Replay(List<String> transcript, @Nullable String difference) {
    }

    private Replay replay(List<FsCall> calls) throws IOException {
        try (Run run = new Run()) {
            for (FsCall call : calls) {
                String difference = run.step(call);
                if (difference != null) {
                    return new Replay(run.transcript, difference);
                }
            }
            return new Replay(run.transcript, null);
        }
    }

    /** One sequence against a fresh model and a fresh Linux file system. */
    private final class Run implements AutoCloseable {

        final FileSystem model = SimFileSystem.standalone(FsCallGenerator.DIRS);
        final LinuxFileSystem real = LinuxFileSystem.open(tmp.resolve("run" + roots++), FsCallGenerator.DIRS).orElseThrow();
        final List<Fd> modelFds = new ArrayList<>();
        final List<Fd> realFds = new ArrayList<>();
        final List<String> transcript = new ArrayList<>();

        Run() throws IOException {
        }

        @Nullable String step(FsCall call) {
            if (call.fd() >= modelFds.size()) {
                return null; // a shrunk sequence lost the call that opened this slot
            }
            String m = outcome(call, model, modelFds);
            String r = outcome(call, real, realFds);
            transcript.add(call.describe() + "  " + m);
            if (!m.equals(r)) {
                return "result differs:\n  model " + m + "\n  linux " + r;
            }
            String ms = state(model);
            String rs = state(real);
            if (!ms.equals(rs)) {
                return "state differs after it:\n  model " + ms + "\n  linux " + rs;
            }
            return null;
        }

        private static String outcome(FsCall call, FileSystem fs, List<Fd> fds) {
            try {
                return "-> " + render(call.run(fs, fds), fds);
            } catch (RuntimeException e) {
                return "throws " + e.getClass().getName() + ": " + FsCall.show(String.valueOf(e.getMessage()));
            }
        }

        private static String render(Object value, List<Fd> fds) {
            return switch (value) {
                case Optional<?> o when o.isEmpty() -> "empty";
                case Optional<?> o -> {
                    Fd fd = (Fd) o.get();
                    fds.add(fd);
                    yield "fd" + (fds.size() - 1) + (fd.writable() ? " for writing" : " for reading");
                }
                case byte[] b -> FsCall.bytes(b);
                case List<?> l -> l.stream().map(n -> FsCall.show((String) n)).toList().toString();
                default -> value.toString();
            };
        }

        private static String state(FileSystem fs) {
            StringBuilder out = new StringBuilder();
            for (String dir : FsCallGenerator.allDirectories()) {
                try {
                    List<String> files = new ArrayList<>();
                    for (String name : fs.list(dir)) {
                        if (FsCallGenerator.allDirectories().contains(dir + "/" + name)) {
                            files.add(FsCall.show(name) + "/");
                            continue;
                        }
                        Fd fd = fs.open(dir, name).orElseThrow();
                        files.add(FsCall.show(name) + "=" + FsCall.bytes(fs.read(fd, 0, Integer.MAX_VALUE)));
                        fs.close(fd);
                    }
                    out.append(dir).append(": ").append(String.join(", ", files)).append("; ");
                } catch (RuntimeException e) {
                    out.append(dir).append(" throws ").append(e).append("; ");
                }
            }
            return out.toString();
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
